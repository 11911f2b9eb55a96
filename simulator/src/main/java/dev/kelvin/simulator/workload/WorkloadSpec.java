package dev.kelvin.simulator.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of the {@link RandomWorkload} job stream: exponential idle gaps between jobs, and
 * jobs that are either ordinary or, with probability {@code heavyJobShare}, heavy and CPU-bound
 * (like HPL), which heat a node to its limit.
 *
 * @param meanIdleGap the mean idle time between two jobs on a node, at least 1 s
 * @param ordinary the ordinary jobs
 * @param heavy the heavy CPU-bound jobs
 * @param heavyJobShare the share of jobs that are heavy (0-1)
 */
public record WorkloadSpec(Duration meanIdleGap, JobClass ordinary, JobClass heavy,
    double heavyJobShare) {
  public WorkloadSpec {
    requireAtLeastOneSecond("meanIdleGap", meanIdleGap);
    Objects.requireNonNull(ordinary, "ordinary");
    Objects.requireNonNull(heavy, "heavy");
    if (!(heavyJobShare >= 0 && heavyJobShare <= 1)) {
      throw new IllegalArgumentException("heavyJobShare must be a ratio within 0..1, was "
          + heavyJobShare + (heavyJobShare > 1 ? " (a percentage? divide by 100)" : ""));
    }
  }

  /**
   * The demo's workload: 20 s mean idle gaps; ordinary jobs of 30 s to 4 min with demand
   * 0.2-0.8, which keep a default node under 85 °C even on the hot rack; and 20 % heavy jobs of
   * 2 to 6 min with demand 0.95-1.0, which take about a minute to heat a node past 85 °C and
   * then keep it there, leaving the controller time to act. Uncapped, about a quarter of the
   * demo's nodes are over their limit at any time.
   */
  public static WorkloadSpec demo() {
    return new WorkloadSpec(Duration.ofSeconds(20),
        new JobClass(0.2, 0.8, Duration.ofSeconds(30), Duration.ofMinutes(4)),
        new JobClass(0.95, 1.0, Duration.ofMinutes(2), Duration.ofMinutes(6)), 0.2);
  }

  static void requireAtLeastOneSecond(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(field + " must be at least 1 s (the simulator's"
          + " step), was " + value);
    }
  }
}
