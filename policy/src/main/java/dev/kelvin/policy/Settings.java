package dev.kelvin.policy;

import java.time.Duration;
import java.util.Objects;

/** The checks the rule families' settings records share, with messages that name the key. */
final class Settings {
  private Settings() {}

  static void within(String key, double value, double min, double max, String unit,
      String likelyCause) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(key + " must be within " + min + ".." + max + " "
          + unit + ", was " + value + " (" + likelyCause + ")");
    }
  }

  /** A positive lease and a settle time shorter than it, as {@link PolicySettings} demands. */
  static void leaseAndSettle(String family, Duration capLease, Duration settleTime) {
    Objects.requireNonNull(capLease, family + ".cap_lease");
    Objects.requireNonNull(settleTime, family + ".settle_time");
    if (capLease.isNegative() || capLease.isZero()) {
      throw new IllegalArgumentException(family + ".cap_lease must be a positive duration, was "
          + capLease + ": a cap without a lease could leave a node throttled by a dead"
          + " controller");
    }
    if (settleTime.isNegative() || settleTime.compareTo(capLease) >= 0) {
      throw new IllegalArgumentException(family + ".settle_time must be within 0.." + capLease
          + " (shorter than the cap lease, or caps would lapse before the rules may act), was "
          + settleTime);
    }
  }
}
