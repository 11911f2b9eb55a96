package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;

/**
 * How the energy-efficiency DVFS rule acts: the longest a job may run for a lower clock (a
 * ratio of its run time: 0.05 lets it run 5 % longer), the grid of frequencies it chooses
 * from (steps down from the node's maximum), the CPU utilisation from which a node counts as
 * busy, the settle time a node's setpoints must have held, the lease of every cap, and how
 * memory-bound a node must be for a lower clock to save energy at all.
 *
 * @param minMemBoundRatio the least share of CPU time stalled on memory for which the rule
 *     acts: a lower clock stretches the compute-bound share, and with whole-node power falling
 *     as the clock to the 0.71st power (HotPower'12, docs/simulator.md) and idle power about a
 *     third of the maximum, a job must be about half memory-bound before the energy it saves
 *     in power outweighs what it spends in time (docs/rules.md)
 */
public record EfficiencySettings(double maxSlowdownRatio, double stepMhz, double busyUtilRatio,
    Duration settleTime, Duration capLease, double minMemBoundRatio) {

  public EfficiencySettings {
    Settings.within("policy.efficiency.max_slowdown", maxSlowdownRatio, 0, 1, "ratio",
        "a percentage? 0.05 is 5 %");
    Settings.within("policy.efficiency.step_mhz", stepMhz, 1, 5_000, "MHz", "a value in kHz?");
    Settings.within("policy.efficiency.busy_util", busyUtilRatio, 0, 1, "ratio",
        "a percentage?");
    Settings.leaseAndSettle("policy.efficiency", capLease, settleTime);
    Settings.within("policy.efficiency.min_mem_bound", minMemBoundRatio, 0, 1, "ratio",
        "a percentage? 0.5 is half the CPU time");
  }

  /** With the default least memory-boundness. */
  public EfficiencySettings(double maxSlowdownRatio, double stepMhz, double busyUtilRatio,
      Duration settleTime, Duration capLease) {
    this(maxSlowdownRatio, stepMhz, busyUtilRatio, settleTime, capLease, DEFAULT_MIN_MEM_BOUND);
  }

  /** Half memory-bound: where a lower clock starts to save energy on a typical server. */
  public static final double DEFAULT_MIN_MEM_BOUND = 0.5;

  /**
   * 5 % slowdown at most, 100 MHz steps, busy from 50 % utilisation, 30 s, 2 minute leases,
   * half memory-bound at least.
   */
  public static EfficiencySettings defaults() {
    return new EfficiencySettings(0.05, 100, 0.5, Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  /** The settings under {@code policy.efficiency}, each defaulting to {@link #defaults()}. */
  public static EfficiencySettings from(ConfigTree section) {
    EfficiencySettings d = defaults();
    double slowdown = section.decimal("max_slowdown", d.maxSlowdownRatio(), 0, 1);
    double step = section.decimal("step_mhz", d.stepMhz(), 1, 5_000);
    double busy = section.decimal("busy_util", d.busyUtilRatio(), 0, 1);
    Duration settle = section.duration("settle_time", d.settleTime());
    Duration lease = section.duration("cap_lease", d.capLease());
    double memBound = section.decimal("min_mem_bound", d.minMemBoundRatio(), 0, 1);
    return section.build(() -> new EfficiencySettings(slowdown, step, busy, settle, lease,
        memBound));
  }

  public double settleSeconds() {
    return settleTime.toMillis() / 1000.0;
  }
}
