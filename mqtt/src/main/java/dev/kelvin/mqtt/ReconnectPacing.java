package dev.kelvin.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session tries the broker again after losing it: at once, then after {@code first},
 * doubling after each failed attempt up to {@code max}.
 */
public record ReconnectPacing(Duration first, Duration max) {
  public ReconnectPacing {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("reconnect pacing needs 0 < first <= max, was first "
          + first + ", max " + max);
    }
  }

  /** 1 s doubling to 30 s. */
  public static ReconnectPacing defaults() {
    return new ReconnectPacing(Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** The wait after a failed attempt that followed a wait of {@code previous} (null: none). */
  public Duration after(Duration previous) {
    if (previous == null) {
      return first;
    }
    Duration doubled = previous.multipliedBy(2);
    return doubled.compareTo(max) > 0 ? max : doubled;
  }
}
