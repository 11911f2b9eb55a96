package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;

/**
 * How the energy-efficiency DVFS rule acts: the longest a job may run for a lower clock (a
 * ratio of its run time: 0.05 lets it run 5 % longer), the grid of frequencies it chooses
 * from (steps down from the node's maximum), the CPU utilisation from which a node counts as
 * busy, the settle time a node's setpoints must have held, and the lease of every cap.
 */
public record EfficiencySettings(double maxSlowdownRatio, double stepMhz, double busyUtilRatio,
    Duration settleTime, Duration capLease) {

  public EfficiencySettings {
    Settings.within("policy.efficiency.max_slowdown", maxSlowdownRatio, 0, 1, "ratio",
        "a percentage? 0.05 is 5 %");
    Settings.within("policy.efficiency.step_mhz", stepMhz, 1, 5_000, "MHz", "a value in kHz?");
    Settings.within("policy.efficiency.busy_util", busyUtilRatio, 0, 1, "ratio",
        "a percentage?");
    Settings.leaseAndSettle("policy.efficiency", capLease, settleTime);
  }

  /** 5 % slowdown at most, 100 MHz steps, busy from 50 % utilisation, 30 s, 2 minute leases. */
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
    return section.build(() -> new EfficiencySettings(slowdown, step, busy, settle, lease));
  }

  public double settleSeconds() {
    return settleTime.toMillis() / 1000.0;
  }
}
