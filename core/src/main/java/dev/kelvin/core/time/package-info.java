/**
 * Time as a port: a {@link dev.kelvin.core.time.Scheduler} beside {@link java.time.InstantSource},
 * with a wall-clock implementation for live mode and a virtual one that runs a simulated hour in
 * the time its tasks take to compute. Periodic work in every module runs on one, so that the
 * same code runs live and in virtual time.
 */
package dev.kelvin.core.time;
