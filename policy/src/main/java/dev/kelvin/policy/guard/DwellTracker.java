package dev.kelvin.policy.guard;

import dev.kelvin.core.lease.SetpointTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers when each setpoint (node, kind and device: a GPU's limit per GPU) was last approved,
 * and admits a new one only once the dwell time has passed. {@link #tryAcquire} checks and records
 * in one atomic step, so two threads cannot both get a setpoint through for the same node; the
 * guard's {@link Admission} checks and records under its own lock, with the rate limits.
 */
final class DwellTracker {
  private final Map<SetpointTarget, Instant> lastApproved = new HashMap<>();

  /**
   * Records {@code now} as the latest approval of {@code key} and returns empty, or, when the
   * previous approval is less than {@code minDwell} before {@code now}, records nothing and
   * returns how long ago the previous approval was.
   */
  synchronized Optional<Duration> tryAcquire(SetpointTarget key, Instant now,
      Duration minDwell) {
    Optional<Duration> tooSoon = tooSoon(key, now, minDwell);
    if (tooSoon.isEmpty()) {
      record(key, now);
    }
    return tooSoon;
  }

  /** How long ago the previous approval of {@code key} was, if less than {@code minDwell}. */
  synchronized Optional<Duration> tooSoon(SetpointTarget key, Instant now, Duration minDwell) {
    Instant last = lastApproved.get(key);
    if (last != null) {
      Duration elapsed = Duration.between(last, now);
      if (elapsed.compareTo(minDwell) < 0) {
        return Optional.of(elapsed);
      }
    }
    return Optional.empty();
  }

  /** Records {@code now} as the latest approval of {@code key}. */
  synchronized void record(SetpointTarget key, Instant now) {
    lastApproved.put(key, now);
  }
}
