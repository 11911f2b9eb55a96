package dev.kelvin.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try the broker again: at once after a connection drops, then after {@code first},
 * doubling after each failed attempt up to {@code max}. Thread-safe.
 */
final class ReconnectSchedule {
  private final Duration first;
  private final Duration max;
  private Duration delay;
  private Instant nextAttempt;
  private boolean attempting;

  ReconnectSchedule(Duration first, Duration max) {
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("reconnect delays need 0 < first <= max, were "
          + first + " and " + max);
    }
    this.first = first;
    this.max = max;
  }

  /** Whether an attempt is due at {@code now}; if so it counts as started. */
  synchronized boolean startIfDue(Instant now) {
    if (attempting || nextAttempt == null || now.isBefore(nextAttempt)) {
      return false;
    }
    attempting = true;
    return true;
  }

  /** A connection dropped: try again at once. */
  synchronized void lost(Instant now) {
    delay = null;
    nextAttempt = now;
  }

  /** The attempt failed: wait longer before the next one. */
  synchronized Duration failed(Instant now) {
    attempting = false;
    delay = delay == null ? first : min(delay.multipliedBy(2), max);
    nextAttempt = now.plus(delay);
    return delay;
  }

  /** Connected: nothing to schedule until the connection drops. */
  synchronized void succeeded() {
    attempting = false;
    delay = null;
    nextAttempt = null;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
