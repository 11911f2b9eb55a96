/**
 * {@code kelvin agent}: the node agent as its own process, with its configuration file and the
 * simulated node it plays for now. Packaged apart, with only the libraries it needs; nothing
 * here reaches the controller's modules.
 */
package dev.kelvin.app.agent;
