package dev.kelvin.simulator.model;

/**
 * How a CPU frequency cap changes utilisation, the reported clock and the work done. A job's
 * demand is the fraction of the node's full-speed capacity it would use; under a cap {@code f}
 * the same work needs {@code fmax / f} times as many cycles of wall time, so utilisation is
 * {@code u = min(1, d * fmax / f)} and, once the node saturates, the job takes longer.
 *
 * <p>Sources: throughput proportional to clock is the first-order model for CPU-bound code used
 * by DVFS studies (e.g. Le Sueur and Heiser, HotPower 2010). The reported clock follows Linux's
 * ondemand governor (Documentation/admin-guide/pm/cpufreq.rst): a busy CPU runs at the highest
 * allowed frequency, i.e. the cap, and an idle one drops to the minimum.
 *
 * @param minMhz the lowest clock the CPU runs at (cpuinfo_min_freq)
 * @param maxMhz the highest clock (cpuinfo_max_freq), the default cap
 */
public record DvfsModel(double minMhz, double maxMhz) {
  /** A node busier than this (utilisation ratio) counts as busy and runs at its cap. */
  public static final double BUSY_UTIL_RATIO = 0.05;

  public DvfsModel {
    if (!(minMhz > 0 && minMhz < maxMhz && maxMhz <= 10_000)) {
      throw new IllegalArgumentException("CPU clock range must be 0 < minMhz < maxMhz <= 10000"
          + " MHz, was " + minMhz + ".." + maxMhz + " MHz (kHz as cpufreq reports it, or the"
          + " two swapped?)");
    }
  }

  /** The utilisation ratio {@code min(1, d * fmax / cap)} of a job with the given demand. */
  public double utilRatio(double demandRatio, double capMhz) {
    if (!(demandRatio >= 0 && demandRatio <= 1)) {
      throw new IllegalArgumentException("demandRatio must be within 0..1 of full-speed"
          + " capacity, was " + demandRatio);
    }
    return Math.min(1.0, demandRatio * maxMhz / clampCap(capMhz));
  }

  /** The clock the node reports: the cap while busy, the minimum while idle. */
  public double reportedMhz(double utilRatio, double capMhz) {
    return utilRatio > BUSY_UTIL_RATIO ? clampCap(capMhz) : minMhz;
  }

  /**
   * The work done per second of wall time, as a fraction of full-speed capacity: equal to the
   * demand while the node keeps up, {@code cap / fmax} once it saturates.
   */
  public double deliveredRatio(double utilRatio, double capMhz) {
    return utilRatio * clampCap(capMhz) / maxMhz;
  }

  /** The cap clamped to the hardware range, as cpufreq's scaling_max_freq clamps it. */
  public double clampCap(double capMhz) {
    return Math.max(minMhz, Math.min(maxMhz, capMhz));
  }
}
