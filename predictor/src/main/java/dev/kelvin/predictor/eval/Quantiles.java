package dev.kelvin.predictor.eval;

/** Quantiles of sorted values. */
final class Quantiles {
  private Quantiles() {}

  /**
   * The {@code q} quantile of {@code sorted} (ascending), interpolated linearly between order
   * statistics (type 7 of Hyndman and Fan, the default of R and NumPy); NaN when empty.
   */
  static double of(double[] sorted, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], was " + q);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double at = q * (sorted.length - 1);
    int low = (int) Math.floor(at);
    int high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
  }
}
