/**
 * Operating the running controller: stop signals, port checks before start-up, Prometheus
 * metrics, health, and the periodic status line.
 */
package dev.kelvin.app.ops;
