package dev.kelvin.predictor.anomaly;

import java.util.Arrays;
import java.util.Map;

/**
 * Turns a detector's raw score into 0-1: the share of training rows whose raw score was lower
 * or equal, read off an empirical distribution kept at {@link #PROBABILITIES} (finer in the
 * tail, where alarms are set) and interpolated linearly between. 0.999 thus means "more
 * unusual than 999 rows in 1,000 of the training data", whichever method scored it.
 *
 * @param knots the raw score at each of {@link #PROBABILITIES}, non-decreasing
 */
public record ScoreCdf(double[] knots) {
  /** 0, 0.01, ..., 0.99, 0.991, ..., 0.999, 0.9991, ..., 0.9999, 1. */
  static final double[] PROBABILITIES = probabilities();

  public ScoreCdf {
    knots = knots.clone();
    if (knots.length != PROBABILITIES.length) {
      throw new IllegalArgumentException("a score distribution has " + PROBABILITIES.length
          + " knots, got " + knots.length);
    }
    for (int k = 1; k < knots.length; k++) {
      if (!(knots[k] >= knots[k - 1])) {
        throw new IllegalArgumentException("the knots of a score distribution must not fall,"
            + " knot " + k + " is " + knots[k] + " after " + knots[k - 1]);
      }
    }
  }

  /** The distribution of {@code raw} training scores. */
  public static ScoreCdf fit(double[] raw) {
    if (raw.length == 0) {
      throw new IllegalArgumentException("no training score to fit a distribution to");
    }
    double[] sorted = raw.clone();
    Arrays.sort(sorted);
    double[] knots = new double[PROBABILITIES.length];
    for (int k = 0; k < knots.length; k++) {
      knots[k] = RobustScales.quantile(sorted, PROBABILITIES[k]);
    }
    return new ScoreCdf(knots);
  }

  /** The share of training scores at or below {@code raw}, 0-1. */
  public double apply(double raw) {
    if (raw < knots[0]) {
      return 0;
    }
    if (raw >= knots[knots.length - 1]) {
      return 1;
    }
    int k = lastAtOrBelow(raw);
    double span = knots[k + 1] - knots[k];
    double share = span > 0 ? (raw - knots[k]) / span : 0;
    return PROBABILITIES[k] + share * (PROBABILITIES[k + 1] - PROBABILITIES[k]);
  }

  private int lastAtOrBelow(double raw) {
    int low = 0;
    int high = knots.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (knots[mid] <= raw) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return Math.min(low, knots.length - 2);
  }

  Map<String, String> settings(String key) {
    return Map.of(key, Numbers.join(knots));
  }

  static ScoreCdf fromSettings(Map<String, String> settings, String key) {
    return new ScoreCdf(Numbers.split(settings, key));
  }

  private static double[] probabilities() {
    double[] p = new double[100 + 9 + 9 + 1];
    int n = 0;
    for (int k = 0; k < 100; k++) {
      p[n++] = k / 100.0;
    }
    for (int k = 1; k <= 9; k++) {
      p[n++] = 0.99 + k / 1000.0;
    }
    for (int k = 1; k <= 9; k++) {
      p[n++] = 0.999 + k / 10000.0;
    }
    p[n] = 1;
    return p;
  }
}
