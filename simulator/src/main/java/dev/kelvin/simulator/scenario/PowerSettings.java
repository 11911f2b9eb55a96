package dev.kelvin.simulator.scenario;

import java.time.Duration;

/**
 * The node power model of a scenario.
 *
 * @param server the SPECpower_ssj2008 result whose curve gives node power (its system name as
 *     the results list it, or a substring that names one result)
 * @param dvfsExponent how the dynamic power scales with the clock ratio
 * @param computeBoundShare the share of a job's run time that stretches when its clock is
 *     lowered (1: all compute, 0: all memory or I/O)
 * @param minClockRatio the lowest clock a cap may set, over the maximum
 * @param offWatts what a node draws while off (its BMC)
 * @param bootTime how long a node takes to boot
 */
public record PowerSettings(String server, double dvfsExponent, double computeBoundShare,
    double minClockRatio, double offWatts, Duration bootTime) {}
