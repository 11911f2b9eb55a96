package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;

/**
 * How the carbon and price rule acts: the grid carbon intensity and the price above which a
 * site's grid counts as dirty or expensive (absolute thresholds; 0 turns one off), the
 * slowdown the operator accepts for the jobs of busy nodes while it is (a ratio of run time,
 * by the same model as the efficiency rule's), the frequency step taken per settle time, the
 * settle time, the lease of every cap, and the window from its submission within which a
 * deferrable job must finish, which bounds how long it is held ({@code HoldPlan}).
 */
public record CarbonSettings(double carbonThresholdGramsPerKwh, double priceThresholdPerKwh,
    double maxSlowdownRatio, double capStepMhz, Duration settleTime, Duration capLease,
    Duration maxDeferral) {
  private static final Duration DEFAULT_MAX_DEFERRAL = Duration.ofHours(4);

  public CarbonSettings {
    Settings.within("policy.carbon.carbon_threshold_g_per_kwh", carbonThresholdGramsPerKwh, 0,
        5_000, "gCO2/kWh", "kg instead of g?");
    Settings.within("policy.carbon.price_threshold_per_kwh", priceThresholdPerKwh, 0, 100,
        "currency/kWh", "a price per MWh?");
    Settings.within("policy.carbon.max_slowdown", maxSlowdownRatio, 0, 1, "ratio",
        "a percentage? 0.1 is 10 %");
    Settings.within("policy.carbon.cap_step_mhz", capStepMhz, 1, 5_000, "MHz",
        "a value in kHz?");
    Settings.leaseAndSettle("policy.carbon", capLease, settleTime);
    if (maxDeferral == null || maxDeferral.isNegative() || maxDeferral.compareTo(
        Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException("policy.carbon.max_deferral must be between 0s and"
          + " 30d, was " + maxDeferral + " (0s holds no job)");
    }
  }

  /** With the default {@code max_deferral} of 4 hours. */
  public CarbonSettings(double carbonThresholdGramsPerKwh, double priceThresholdPerKwh,
      double maxSlowdownRatio, double capStepMhz, Duration settleTime, Duration capLease) {
    this(carbonThresholdGramsPerKwh, priceThresholdPerKwh, maxSlowdownRatio, capStepMhz,
        settleTime, capLease, DEFAULT_MAX_DEFERRAL);
  }

  /**
   * Dirty above 400 gCO2/kWh, expensive above 0.30 per kWh, 10 % slowdown at most while it is,
   * 100 MHz steps, 30 s settle time, 2 minute leases, deferrable jobs done within 4 hours of
   * their submission.
   */
  public static CarbonSettings defaults() {
    return new CarbonSettings(400, 0.30, 0.10, 100, Duration.ofSeconds(30),
        Duration.ofMinutes(2));
  }

  /** The settings under {@code policy.carbon}, each defaulting to {@link #defaults()}. */
  public static CarbonSettings from(ConfigTree section) {
    CarbonSettings d = defaults();
    double carbon = section.decimal("carbon_threshold_g_per_kwh",
        d.carbonThresholdGramsPerKwh(), 0, 5_000);
    double price = section.decimal("price_threshold_per_kwh", d.priceThresholdPerKwh(), 0, 100);
    double slowdown = section.decimal("max_slowdown", d.maxSlowdownRatio(), 0, 1);
    double step = section.decimal("cap_step_mhz", d.capStepMhz(), 1, 5_000);
    Duration settle = section.duration("settle_time", d.settleTime());
    Duration lease = section.duration("cap_lease", d.capLease());
    Duration deferral = section.duration("max_deferral", d.maxDeferral(), Duration.ZERO,
        Duration.ofDays(30));
    return section.build(() -> new CarbonSettings(carbon, price, slowdown, step, settle, lease,
        deferral));
  }

  public double settleSeconds() {
    return settleTime.toMillis() / 1000.0;
  }

  /** Whether a site at {@code gramsPerKwh} and {@code pricePerKwh} counts as dirty or dear. */
  public boolean dirtyOrDear(double gramsPerKwh, double pricePerKwh) {
    return (carbonThresholdGramsPerKwh > 0 && gramsPerKwh > carbonThresholdGramsPerKwh)
        || (priceThresholdPerKwh > 0 && pricePerKwh > priceThresholdPerKwh);
  }
}
