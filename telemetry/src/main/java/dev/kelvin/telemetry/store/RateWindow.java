package dev.kelvin.telemetry.store;

/**
 * A count per second over the last {@code seconds} seconds: how fast the spool is replayed.
 * Times are {@link System#nanoTime()} readings. Thread-safe.
 */
final class RateWindow {
  private static final long SECOND = 1_000_000_000L;

  private final long[] counts;
  private final long[] bucketSecond;

  RateWindow(int seconds) {
    this.counts = new long[seconds];
    this.bucketSecond = new long[seconds];
    java.util.Arrays.fill(bucketSecond, Long.MIN_VALUE);
  }

  synchronized void add(long nowNanos, long count) {
    long second = Math.floorDiv(nowNanos, SECOND);
    int slot = (int) Math.floorMod(second, (long) counts.length);
    if (bucketSecond[slot] != second) {
      bucketSecond[slot] = second;
      counts[slot] = 0;
    }
    counts[slot] += count;
  }

  /** The counts of the last {@code seconds} whole seconds and this one, per second. */
  synchronized double perSecond(long nowNanos) {
    long second = Math.floorDiv(nowNanos, SECOND);
    long total = 0;
    for (int i = 0; i < counts.length; i++) {
      if (bucketSecond[i] != Long.MIN_VALUE && second - bucketSecond[i] < counts.length) {
        total += counts[i];
      }
    }
    return (double) total / counts.length;
  }
}
