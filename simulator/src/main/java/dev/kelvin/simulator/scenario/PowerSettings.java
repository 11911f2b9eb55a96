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
 * @param fullLoadCpuCelsius where a node's CPU settles busy at full clock with a 24 °C inlet:
 *     how the server's cooling is designed (it sets the thermal resistance)
 */
public record PowerSettings(String server, double dvfsExponent, double computeBoundShare,
    double minClockRatio, double offWatts, Duration bootTime, double fullLoadCpuCelsius) {
  /**
   * 91 °C: 6 K over the 85 °C CPU limit, as the demo's nodes are designed, so that the thermal
   * rules have work.
   */
  public static final double DEFAULT_FULL_LOAD_CPU_C = 91;

  /** With the default full-load CPU temperature. */
  public PowerSettings(String server, double dvfsExponent, double computeBoundShare,
      double minClockRatio, double offWatts, Duration bootTime) {
    this(server, dvfsExponent, computeBoundShare, minClockRatio, offWatts, bootTime,
        DEFAULT_FULL_LOAD_CPU_C);
  }
}
