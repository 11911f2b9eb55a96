package dev.kelvin.predictor.load;

/**
 * How a series has behaved over its last day: the regime features of {@link LoadFeatures}, which
 * let one model pooled over many series tell a series that holds its level for hours (a long
 * job) from one that moves and comes back. All from the one-step changes between known
 * neighbours among the last {@code day} steps; each NaN when fewer than {@value #MIN_PAIRS}
 * such changes are known.
 *
 * @param roughness the mean absolute change over the day, over the series' scale (the last
 *     {@value LoadFeatures#WINDOW} steps'): above 1 when the day was busier than the last hours
 * @param still the share of the day's changes smaller than {@value #STILL_SHARE} of the
 *     series' mean absolute level over the day: how much of the day it held its level
 * @param reversion the lag-1 autocorrelation of the day's changes: negative when a move is
 *     usually taken back the next step, near 0 when moves stay
 */
record LoadRegime(double roughness, double still, double reversion) {
  static final int MIN_PAIRS = 6;
  static final double STILL_SHARE = 0.01;

  /** The regime of the {@code day} steps up to the anchor, {@code scale} the series' scale. */
  static LoadRegime of(Lookback history, int day, double scale) {
    double[] changes = new double[day];
    for (int k = 0; k < day; k++) {
      changes[k] = history.back(k) - history.back(k + 1);
    }
    double stillBelow = STILL_SHARE * LoadFeatures.meanAbsolute(history, day);
    double absSum = 0;
    int pairs = 0;
    int still = 0;
    for (double change : changes) {
      if (!Double.isNaN(change)) {
        absSum += Math.abs(change);
        pairs++;
        still += Math.abs(change) <= stillBelow ? 1 : 0;
      }
    }
    if (pairs < MIN_PAIRS) {
      return new LoadRegime(Double.NaN, Double.NaN, Double.NaN);
    }
    return new LoadRegime(absSum / pairs / scale, still / (double) pairs,
        autocorrelation(changes));
  }

  /** The lag-1 autocorrelation of the known neighbouring changes; NaN when they do not vary. */
  static double autocorrelation(double[] changes) {
    double sumX = 0;
    double sumY = 0;
    double sumXy = 0;
    double sumXx = 0;
    double sumYy = 0;
    int n = 0;
    for (int k = 0; k + 1 < changes.length; k++) {
      double x = changes[k + 1];
      double y = changes[k];
      if (!Double.isNaN(x) && !Double.isNaN(y)) {
        sumX += x;
        sumY += y;
        sumXy += x * y;
        sumXx += x * x;
        sumYy += y * y;
        n++;
      }
    }
    double covariance = n * sumXy - sumX * sumY;
    double variance = (n * sumXx - sumX * sumX) * (n * sumYy - sumY * sumY);
    return n < MIN_PAIRS || !(variance > 0) ? Double.NaN : covariance / Math.sqrt(variance);
  }
}
