package dev.kelvin.telemetry.store;

import java.time.Duration;
import java.util.Arrays;

/**
 * The durations of the most recent writes (up to a capacity), and their percentiles.
 * Thread-safe: the store's thread records, a metrics scrape reads.
 */
final class LatencyWindow {
  private final long[] nanos;
  private int next;
  private int size;

  LatencyWindow(int capacity) {
    this.nanos = new long[capacity];
  }

  synchronized void record(long durationNanos) {
    nanos[next] = durationNanos;
    next = (next + 1) % nanos.length;
    size = Math.min(size + 1, nanos.length);
  }

  /**
   * The {@code quantile} (0-1) of the recorded durations, by the nearest-rank method;
   * {@link Duration#ZERO} when none was recorded.
   */
  synchronized Duration quantile(double quantile) {
    if (size == 0) {
      return Duration.ZERO;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(quantile * size);
    return Duration.ofNanos(sorted[Math.max(0, Math.min(size - 1, rank - 1))]);
  }
}
