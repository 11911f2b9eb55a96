package dev.kelvin.predictor.load;

import java.util.Arrays;

/**
 * A bounded history of one series as the served model sees it: samples averaged over buckets
 * of the model's step, the last {@code capacity} complete buckets kept in a ring of floats
 * (a day and the longest horizon at 5 minutes: 1.2 KB). A bucket is known when its first
 * sample came in its first half, so a node that joins late in a bucket does not pass a few
 * seconds off as the whole step; a bucket without samples is unknown, never 0. Not
 * thread-safe: the served model guards it.
 */
final class BucketedHistory {
  private final float[] ring;
  private final long stepMillis;
  /** The newest complete bucket in the ring; Long.MIN_VALUE before the first. */
  private long newest = Long.MIN_VALUE;
  private long current = Long.MIN_VALUE;
  private double sum;
  private int count;
  private boolean coveredFromStart;

  BucketedHistory(int capacity, long stepMillis) {
    this.ring = new float[capacity];
    this.stepMillis = stepMillis;
    Arrays.fill(ring, Float.NaN);
  }

  /** Adds a sample taken at {@code atMillis}; a sample older than the open bucket is ignored. */
  void add(long atMillis, double value) {
    long bucket = Math.floorDiv(atMillis, stepMillis);
    if (bucket < current) {
      return;
    }
    if (bucket > current) {
      closeCurrent();
      current = bucket;
      sum = 0;
      count = 0;
      coveredFromStart = atMillis - bucket * stepMillis <= stepMillis / 2;
    }
    sum += value;
    count++;
  }

  /** Closes the open bucket when {@code bucket} is later: it can get no more samples. */
  void closeBefore(long bucket) {
    if (current < bucket) {
      closeCurrent();
    }
  }

  /** The value of {@code bucket}: NaN when unknown or no longer kept. */
  double value(long bucket) {
    if (bucket > newest || bucket <= newest - ring.length) {
      return Double.NaN;
    }
    return ring[(int) Math.floorMod(bucket, (long) ring.length)];
  }

  /** The history seen from {@code anchor}: {@code back(k)} is bucket {@code anchor - k}. */
  Lookback from(long anchor) {
    return steps -> value(anchor - steps);
  }

  /** The last bucket a sample fell in; Long.MIN_VALUE before the first. */
  long lastSampled() {
    return current;
  }

  private void closeCurrent() {
    if (current == Long.MIN_VALUE || current <= newest) {
      return;
    }
    double mean = count > 0 && coveredFromStart ? sum / count : Double.NaN;
    long from = newest == Long.MIN_VALUE ? current : Math.max(newest + 1, current - ring.length);
    for (long b = from; b < current; b++) {
      ring[(int) Math.floorMod(b, (long) ring.length)] = Float.NaN;
    }
    ring[(int) Math.floorMod(current, (long) ring.length)] = (float) mean;
    newest = current;
  }
}
