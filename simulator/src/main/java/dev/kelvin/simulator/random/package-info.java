/**
 * Seed derivation: every random stream in the simulator (one per node and purpose) is derived
 * from the run's seed, so the same seed gives the same run whatever order streams are used in.
 */
package dev.kelvin.simulator.random;
