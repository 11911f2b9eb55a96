/**
 * Node and GPU power models built from measured public data: whole-server power over load from
 * the SPECpower_ssj2008 results ({@link dev.kelvin.simulator.power.SpecPowerResults}), the clock
 * exponent of dynamic CPU power fitted to the HotPower'12 measurements
 * ({@link dev.kelvin.simulator.power.DvfsExponent}), and GPU throughput and power under a power
 * limit from the Zeus traces ({@link dev.kelvin.simulator.power.GpuPowerLimitCurve}). The
 * readers are plain JDK; each fitted constant has a test that recomputes it from its file.
 */
package dev.kelvin.simulator.power;
