package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.util.Objects;

/**
 * How the power budget rules act: the step each control takes per settle time (a CPU cap in
 * MHz, a node power cap and a GPU power limit in watts), the release margin (a share of the
 * budget that power must be under before caps are raised, so that they do not flap), the
 * settle time a node's setpoints must have held before they change again, the lease of every
 * setpoint, and how far ahead a site's load forecast is believed.
 */
public record BudgetSettings(double capStepMhz, double nodeCapStepWatts, double gpuStepWatts,
    double releaseMarginRatio, Duration settleTime, Duration capLease,
    Duration forecastHorizon) {

  public BudgetSettings {
    Settings.within("policy.budget.cap_step_mhz", capStepMhz, 1, 5_000, "MHz",
        "a value in kHz?");
    Settings.within("policy.budget.node_cap_step_w", nodeCapStepWatts, 1, 5_000, "W",
        "a value in milliwatts?");
    Settings.within("policy.budget.gpu_step_w", gpuStepWatts, 1, 1_000, "W",
        "a value in milliwatts as NVML reports them?");
    Settings.within("policy.budget.release_margin", releaseMarginRatio, 0.001, 0.5, "ratio",
        "a percentage? 0.05 is 5 % of the budget");
    Settings.leaseAndSettle("policy.budget", capLease, settleTime);
    Objects.requireNonNull(forecastHorizon, "forecastHorizon");
    if (forecastHorizon.isNegative()) {
      throw new IllegalArgumentException("policy.budget.forecast_horizon must not be negative,"
          + " was " + forecastHorizon + " (use 0s to ignore load forecasts)");
    }
  }

  /**
   * 200 MHz, 20 W node cap and 15 W GPU steps, release under 95 % of the budget, 30 s settle
   * time, 2 minute leases, forecasts believed up to 15 minutes ahead.
   */
  public static BudgetSettings defaults() {
    return new BudgetSettings(200, 20, 15, 0.05, Duration.ofSeconds(30),
        Duration.ofMinutes(2), Duration.ofMinutes(15));
  }

  /** The settings under {@code policy.budget}, each key defaulting to {@link #defaults()}. */
  public static BudgetSettings from(ConfigTree section) {
    BudgetSettings d = defaults();
    double step = section.decimal("cap_step_mhz", d.capStepMhz(), 1, 5_000);
    double nodeStep = section.decimal("node_cap_step_w", d.nodeCapStepWatts(), 1, 5_000);
    double gpuStep = section.decimal("gpu_step_w", d.gpuStepWatts(), 1, 1_000);
    double margin = section.decimal("release_margin", d.releaseMarginRatio(), 0.001, 0.5);
    Duration settle = section.duration("settle_time", d.settleTime());
    Duration lease = section.duration("cap_lease", d.capLease());
    Duration horizon = section.duration("forecast_horizon", d.forecastHorizon());
    return section.build(() -> new BudgetSettings(step, nodeStep, gpuStep, margin, settle,
        lease, horizon));
  }

  /** The settle time in seconds, as the rules compare it. */
  public double settleSeconds() {
    return settleTime.toMillis() / 1000.0;
  }

  /** The forecast horizon in seconds, as the rules compare it. */
  public double forecastHorizonSeconds() {
    return forecastHorizon.toMillis() / 1000.0;
  }
}
