package dev.kelvin.core.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says yes at most once per key per period: how a reject is logged at most once per node per
 * minute while every reject is still counted. Keys are dropped once their period has passed,
 * so a flood of distinct bogus keys does not grow memory past {@code maxKeys}.
 */
public final class PerKeyThrottle {
  private final Duration period;
  private final InstantSource clock;
  private final int maxKeys;
  private final ConcurrentHashMap<String, Instant> lastAllowed = new ConcurrentHashMap<>();

  public PerKeyThrottle(Duration period, InstantSource clock, int maxKeys) {
    this.period = period;
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  /** True when {@code key} was not allowed within the last period. */
  public boolean allow(String key) {
    Instant now = clock.instant();
    if (lastAllowed.size() >= maxKeys) {
      lastAllowed.values().removeIf(at -> !at.plus(period).isAfter(now));
      if (lastAllowed.size() >= maxKeys) {
        return false;
      }
    }
    boolean[] allowed = {false};
    lastAllowed.compute(key, (k, last) -> {
      if (last == null || !last.plus(period).isAfter(now)) {
        allowed[0] = true;
        return now;
      }
      return last;
    });
    return allowed[0];
  }
}
