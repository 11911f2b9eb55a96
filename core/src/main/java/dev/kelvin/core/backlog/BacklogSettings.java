package dev.kelvin.core.backlog;

import java.time.Duration;
import java.util.Objects;

/**
 * How the controller queues received readings and when it calls itself blind.
 *
 * @param coalesceAbove once this many readings wait, a new reading of a node that already has
 *     one waiting replaces it (the older one is shed as {@code superseded}); below it, every
 *     reading is kept in order
 * @param maxReadings the most readings that may wait; a reading from a source with nothing
 *     waiting beyond it is shed as {@code queue_full} (only floods of distinct topics get here)
 * @param blindAfter the controller is blind (DEGRADED, decisions held, held caps kept) once the
 *     oldest waiting reading, or the freshest reading to arrive lately, is older than this;
 *     shorter than the state's stale limit so that it speaks before nodes turn stale
 * @param downAfter the backlog is DOWN on {@code /health} once its oldest reading waited this long
 */
public record BacklogSettings(int coalesceAbove, int maxReadings, Duration blindAfter,
    Duration downAfter) {
  public BacklogSettings {
    if (coalesceAbove < 1) {
      throw new IllegalArgumentException("coalesceAbove must be >= 1 reading, was "
          + coalesceAbove);
    }
    if (maxReadings <= coalesceAbove) {
      throw new IllegalArgumentException("maxReadings must be more than coalesceAbove ("
          + coalesceAbove + " readings), was " + maxReadings + ": room is needed for one"
          + " reading per node above the coalescing mark");
    }
    positive("blindAfter", blindAfter);
    positive("downAfter", downAfter);
    if (downAfter.compareTo(blindAfter) <= 0) {
      throw new IllegalArgumentException("downAfter must be longer than blindAfter ("
          + blindAfter + "), was " + downAfter);
    }
  }

  /** Coalesce above 1 000 waiting readings, at most 200 000, blind after 5 s, down after 30 s. */
  public static BacklogSettings defaults() {
    return new BacklogSettings(1_000, 200_000, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  private static void positive(String field, Duration duration) {
    Objects.requireNonNull(duration, field);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(field + " must be a positive duration, was " + duration);
    }
  }
}
