package dev.kelvin.predictor.features;

import dev.kelvin.core.port.HistorySource.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one node's error counter read over the last half hour or so, for its deltas, and since
 * when it has counted without a reset, for its long-run rate. The snapshot's window is often
 * shorter than the trends a failure shows in (a few minutes of live readings), so the tracker
 * keeps this small state per node; training records features through the same tracker from
 * the same snapshots, so both see the same values.
 *
 * <p>Values are kept at most one per {@link #SPACING} (a reading closer to the last kept one is
 * not kept), in a ring of {@link #CAPACITY}: at least 36 minutes back. A value below the last
 * kept one is a counter reset (a reboot): everything before it is forgotten, so no delta ever
 * spans a reset. Values read back from the history ({@link #seed}) go before the live ones,
 * which always win. Not thread-safe: the tracker holds one per node and locks around them.
 */
final class CounterMemory {
  /** Two kept values are at least this far apart (just under the simulator's 1 min samples). */
  static final Duration SPACING = Duration.ofSeconds(55);
  static final int CAPACITY = 40;
  /** A delta over D uses a value from between D and this many times D ago. */
  static final double MAX_REACH = 1.5;
  /** The long-run rate needs at least this much history. */
  static final Duration MIN_BASELINE = Duration.ofHours(1);

  private final long[] timesMs = new long[CAPACITY];
  private final double[] values = new double[CAPACITY];
  private int size;
  private int newest = -1;
  private long firstMs;
  private double firstValue;

  /** Remembers {@code value} read at {@code at}; older or too close readings are ignored. */
  void record(Instant at, double value) {
    long ms = at.toEpochMilli();
    if (size > 0) {
      if (value < values[newest]) {
        size = 0;
      } else if (ms - timesMs[newest] < SPACING.toMillis()) {
        return;
      }
    }
    if (size == 0) {
      firstMs = ms;
      firstValue = value;
    }
    newest = (newest + 1) % CAPACITY;
    timesMs[newest] = ms;
    values[newest] = value;
    size = Math.min(size + 1, CAPACITY);
  }

  /**
   * {@code now}'s value minus the value {@code span} ago: the newest kept value at least
   * {@code span} old, if it is at most {@value #MAX_REACH} times {@code span} old; else NaN.
   */
  double delta(Instant now, double nowValue, Duration span) {
    long nowMs = now.toEpochMilli();
    long latest = nowMs - span.toMillis();
    long earliest = nowMs - (long) (span.toMillis() * MAX_REACH);
    for (int k = 0; k < size; k++) {
      int slot = Math.floorMod(newest - k, CAPACITY);
      if (timesMs[slot] <= latest) {
        return timesMs[slot] >= earliest && nowValue >= values[slot]
            ? nowValue - values[slot] : Double.NaN;
      }
    }
    return Double.NaN;
  }

  /** Counts per hour since the counter was first seen or last reset; NaN within an hour. */
  double ratePerHour(Instant now, double nowValue) {
    long spanMs = now.toEpochMilli() - firstMs;
    if (size == 0 || spanMs < MIN_BASELINE.toMillis() || nowValue < firstValue) {
      return Double.NaN;
    }
    return (nowValue - firstValue) / (spanMs / 3_600_000.0);
  }

  /**
   * Puts {@code past} (oldest first, each taken as read at its {@code at}) before the values kept
   * so far, as if they had been recorded first. Only values at least {@link #SPACING} before the
   * first value kept since the last reset are taken, so a live value is never replaced and none
   * counts twice. Nothing changes when no past value is that old, or when the counter was reset
   * between the past and the first live value (the past is then of no use).
   */
  void seed(List<MetricPoint> past) {
    long before = size == 0 ? Long.MAX_VALUE : firstMs - SPACING.toMillis();
    List<MetricPoint> older = past.stream().filter(p -> p.at().toEpochMilli() <= before)
        .toList();
    if (older.isEmpty() || (size > 0 && older.get(older.size() - 1).value() > firstValue)) {
      return;
    }
    long[] liveTimes = new long[size];
    double[] liveValues = new double[size];
    for (int k = 0; k < size; k++) {
      int slot = Math.floorMod(newest - size + 1 + k, CAPACITY);
      liveTimes[k] = timesMs[slot];
      liveValues[k] = values[slot];
    }
    size = 0;
    for (MetricPoint point : older) {
      record(point.at(), point.value());
    }
    for (int k = 0; k < liveTimes.length; k++) {
      record(Instant.ofEpochMilli(liveTimes[k]), liveValues[k]);
    }
  }
}
