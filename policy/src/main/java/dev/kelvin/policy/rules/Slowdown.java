package dev.kelvin.policy.rules;

/**
 * How much longer a job runs at a lower CPU clock, by the model the simulator runs (docs/
 * simulator.md, "Jobs"): only the compute-bound share {@code c} of the run stretches, so
 * slowdown = c·(fmax/f − 1). The share not compute-bound is what a node reports as {@code
 * cpu_mem_bound_ratio}; unknown, a job counts as wholly compute-bound (the cautious choice).
 */
public final class Slowdown {
  private Slowdown() {}

  /** The slowdown ratio of running at {@code mhz} rather than {@code maxMhz}. */
  public static double at(double mhz, double maxMhz, double memBoundRatio) {
    return computeShare(memBoundRatio) * (maxMhz / mhz - 1);
  }

  /**
   * The lowest frequency {@code maxMhz − k·stepMhz} (k ≥ 0), not below {@code minMhz}, whose
   * slowdown is at most {@code maxSlowdownRatio}.
   */
  public static double floorMhz(double maxMhz, double minMhz, double memBoundRatio,
      double maxSlowdownRatio, double stepMhz) {
    double c = computeShare(memBoundRatio);
    double allowed = c <= 0 ? minMhz : maxMhz * c / (c + maxSlowdownRatio);
    double steps = Math.floor((maxMhz - allowed) / stepMhz + 1e-9);
    return Math.max(minMhz, maxMhz - Math.max(0, steps) * stepMhz);
  }

  private static double computeShare(double memBoundRatio) {
    return Double.isNaN(memBoundRatio) ? 1 : 1 - memBoundRatio;
  }
}
