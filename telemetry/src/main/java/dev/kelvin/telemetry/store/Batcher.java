package dev.kelvin.telemetry.store;

/**
 * Collects lines into the batch being filled, and seals it once it holds its maximum number of
 * points or its oldest point has waited the flush interval. Thread-safe: ingestion threads add
 * while the store's thread seals on time. Times are {@link System#nanoTime()} readings.
 */
final class Batcher {
  /** What {@link #add} answers once the batcher is closed: nothing more is taken. */
  static final PointBatch CLOSED = new PointBatch("", 0);

  private final int maxPoints;
  private final long flushNanos;
  private StringBuilder lines;
  private int points;
  private long firstNanos;
  private boolean closed;
  /** Points in the batches sealed so far. */
  private long sealedPoints;

  Batcher(int maxPoints, long flushNanos) {
    this.maxPoints = maxPoints;
    this.flushNanos = flushNanos;
    this.lines = new StringBuilder(Math.min(maxPoints, 1_000) * 128);
  }

  /**
   * Adds {@code count} points; returns the sealed batch when this filled it, {@link #CLOSED}
   * when closed (nothing taken), else null.
   */
  synchronized PointBatch add(CharSequence text, int count, long nowNanos) {
    if (closed) {
      return CLOSED;
    }
    if (points == 0) {
      firstNanos = nowNanos;
    }
    lines.append(text);
    points += count;
    return points >= maxPoints ? seal() : null;
  }

  /** The batch being filled when its oldest point has waited the flush interval, else null. */
  synchronized PointBatch sealIfDue(long nowNanos) {
    return points > 0 && nowNanos - firstNanos >= flushNanos ? seal() : null;
  }

  /** How long until the batch being filled is due; the flush interval when it is empty. */
  synchronized long nanosUntilDue(long nowNanos) {
    return points == 0 ? flushNanos : Math.max(0, firstNanos + flushNanos - nowNanos);
  }

  /** Points taken so far: those sealed and those in the batch being filled. */
  synchronized long taken() {
    return sealedPoints + points;
  }

  /** Takes nothing more; returns the batch being filled, or null when it is empty. */
  synchronized PointBatch close() {
    closed = true;
    return points > 0 ? seal() : null;
  }

  private PointBatch seal() {
    sealedPoints += points;
    PointBatch batch = new PointBatch(lines.toString(), points, sealedPoints);
    lines = new StringBuilder(batch.lines().length() + batch.lines().length() / 8);
    points = 0;
    return batch;
  }
}
