package dev.kelvin.simulator.report;

/**
 * Something that happened at one instant, for the time line: a node failure, an action, an
 * alarm or a scenario event.
 *
 * @param timeS seconds of simulated time from the run's start
 * @param kind {@code failure}, {@code action}, {@code alarm} or {@code event}
 * @param label a short human text ("n0042 failed", "cpu_freq_cap n0007 1800 MHz")
 */
public record Mark(double timeS, String kind, String label) {}
