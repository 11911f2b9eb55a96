/**
 * The physics of one simulated node: how power follows utilisation and clock frequency, how a
 * frequency cap stretches work, how the CPU heats through a first-order RC model, and the
 * bounded noise its sensors add. Each curve's Javadoc cites where it comes from.
 */
package dev.kelvin.simulator.model;
