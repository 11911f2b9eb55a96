package dev.kelvin.predictor.features;

import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;

/**
 * The failures of any node of the system in the last day, by start: each failure is added once,
 * by the {@link FailureRecord} that first knew it, live or read back. Not thread-safe: {@link
 * NodeFeatureTracker} guards it.
 */
final class SystemFailures {
  private static final Duration DAY = Duration.ofDays(1);

  private final TreeMap<Instant, Integer> byStart = new TreeMap<>();

  /** One more failure, started at {@code start}. */
  void add(Instant start) {
    byStart.merge(start, 1, Integer::sum);
  }

  /** The failures started in the day before {@code now}; forgets older ones. */
  double lastDay(Instant now) {
    byStart.headMap(now.minus(DAY)).clear();
    return byStart.headMap(now).values().stream().mapToInt(Integer::intValue).sum();
  }
}
