/**
 * What every kelvin command runs on: schedulers per role (wall-clock or virtual), closing what
 * was started in order, stop signals, scratch folders that survive no crash, and small thread
 * helpers. Shared by the controller and the slim agent artifact, so nothing here reaches for
 * the controller's libraries.
 */
package dev.kelvin.app.runtime;
