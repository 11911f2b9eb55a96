package dev.kelvin.app.predict;

import java.time.Duration;

/** The unit lead times are shown in: days for horizons of two days or more, else hours or minutes. */
record LeadUnit(String name, double seconds) {
  static LeadUnit of(Duration horizon) {
    if (horizon.compareTo(Duration.ofDays(2)) >= 0) {
      return new LeadUnit("days", 86_400);
    }
    return horizon.compareTo(Duration.ofHours(2)) >= 0 ? new LeadUnit("h", 3_600)
        : new LeadUnit("min", 60);
  }

  double of(double seconds) {
    return seconds / this.seconds;
  }
}
