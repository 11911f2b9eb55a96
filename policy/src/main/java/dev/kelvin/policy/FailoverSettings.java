package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;

/**
 * How the disaster-recovery rules confirm a site in danger: how long every node of the site
 * that should report (not suspended, booting or down) must have been silent before the site
 * counts as having lost its lease with the controller. One such silence, or one alarm, is a
 * single signal and only tells the operators; an alarm plus a lost lease, or two alarms of
 * different kinds from different sensors, fail the site over.
 */
public record FailoverSettings(Duration leaseLostAfter) {

  public FailoverSettings {
    FailureSettings.requireNotNegative("leaseLostAfter", leaseLostAfter);
    if (leaseLostAfter.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException("leaseLostAfter must be at least 10 s, was "
          + leaseLostAfter + ": a shorter silence is one late message, never a lost site");
    }
  }

  /** A site that has been silent for 1 minute has lost its lease. */
  public static FailoverSettings defaults() {
    return new FailoverSettings(Duration.ofMinutes(1));
  }

  /** The settings under {@code policy.failover} ({@code section} is that section). */
  public static FailoverSettings from(ConfigTree section) {
    Duration lease = section.duration("lease_lost_after", defaults().leaseLostAfter);
    return section.build(() -> new FailoverSettings(lease));
  }

  /** The silence in seconds after which a site has lost its lease. */
  public double leaseLostAfterSeconds() {
    return leaseLostAfter.toMillis() / 1000.0;
  }
}
