package dev.kelvin.telemetry.store;

/**
 * When to try InfluxDB again after failed writes: {@code min} after the first failure, doubling
 * with each further one up to {@code max}, at once again after a success. Times are
 * {@link System#nanoTime()} readings. Used by the store's thread only.
 */
final class Backoff {
  private final long minNanos;
  private final long maxNanos;
  private long delayNanos;
  private long retryAtNanos;

  Backoff(long minNanos, long maxNanos) {
    this.minNanos = minNanos;
    this.maxNanos = maxNanos;
  }

  void failed(long nowNanos) {
    delayNanos = delayNanos == 0 ? minNanos : Math.min(maxNanos, delayNanos * 2);
    retryAtNanos = nowNanos + delayNanos;
  }

  void succeeded() {
    delayNanos = 0;
  }

  /** Whether the next try must wait. */
  boolean waiting(long nowNanos) {
    return nanosUntilRetry(nowNanos) > 0;
  }

  /** 0 when a try may go now. */
  long nanosUntilRetry(long nowNanos) {
    return delayNanos == 0 ? 0 : Math.max(0, retryAtNanos - nowNanos);
  }

  /** The wait after the last failure; 0 after a success. */
  long delayNanos() {
    return delayNanos;
  }
}
