package dev.kelvin.core.prediction;

import java.time.Duration;
import java.util.Objects;

final class Checks {
  private Checks() {}

  static void positive(String field, Duration duration) {
    Objects.requireNonNull(duration, field);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + duration);
    }
  }

  static void ratio(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be a ratio within 0..1, was " + value
          + (value > 1 && value <= 100 ? " (a percentage? divide by 100)" : ""));
    }
  }
}
