/**
 * Simulation mode for planning: the scenario file read into the simulator's records, checked
 * before any run starts.
 */
package dev.kelvin.app.simulate;
