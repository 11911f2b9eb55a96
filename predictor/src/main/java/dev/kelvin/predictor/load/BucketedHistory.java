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

  /**
   * Fills the buckets before {@code liveFrom} (the bucket of this series' first live sample)
   * with values read back from the store: {@code values[i]} is bucket {@code firstBucket + i},
   * NaN when unknown. Buckets from {@code liveFrom} on belong to the live samples and are never
   * written, so no step counts twice; where the values reach bucket {@code liveFrom} and know it,
   * the series was reporting before the first live sample, and that bucket counts as covered from
   * its start (its mean is the live samples'). Buckets older than the ring keeps are left out.
   */
  void fill(long firstBucket, float[] values, long liveFrom) {
    long end = Math.min(firstBucket + values.length, liveFrom);
    if (end > firstBucket) {
      if (newest == Long.MIN_VALUE) {
        newest = end - 1;
      }
      for (long b = Math.max(firstBucket, newest - ring.length + 1); b < end && b <= newest; b++) {
        ring[(int) Math.floorMod(b, (long) ring.length)] = values[(int) (b - firstBucket)];
      }
    }
    long boundary = liveFrom - firstBucket;
    if (current == liveFrom && boundary >= 0 && boundary < values.length
        && !Float.isNaN(values[(int) boundary])) {
      coveredFromStart = true;
    }
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
