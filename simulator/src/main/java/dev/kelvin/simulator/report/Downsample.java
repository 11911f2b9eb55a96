package dev.kelvin.simulator.report;

/**
 * Cuts a piecewise-constant series into equal time buckets and keeps, per bucket, the value it
 * starts with, its lowest and highest value and the value it ends with. A plot drawn from
 * these shows every peak and every budget crossing however many points the series holds,
 * with a size bounded by the number of buckets.
 */
final class Downsample {
  private Downsample() {}

  /**
   * Per-bucket values; bucket {@code i} covers {@code [fromS + i * widthS, fromS + (i+1) * widthS)}.
   * A bucket the series does not reach yet (before its first point) holds NaN throughout.
   */
  record Buckets(double fromS, double widthS, double[] first, double[] min, double[] max,
      double[] last) {
    int size() {
      return first.length;
    }

    double startS(int bucket) {
      return fromS + bucket * widthS;
    }
  }

  /**
   * Downsamples {@code series} over {@code [fromS, toS]} into {@code buckets} buckets, in one
   * pass over its points. A value that holds during any part of a bucket counts for it,
   * including the one carried in from before the bucket's start.
   */
  static Buckets minMax(Series series, double fromS, double toS, int buckets) {
    if (buckets < 1 || !(toS > fromS)) {
      throw new IllegalArgumentException("downsampling needs at least one bucket over a"
          + " positive span; got " + buckets + " buckets over [" + fromS + ", " + toS + "] s");
    }
    double[] times = series.timesS();
    double[] values = series.values();
    double widthS = (toS - fromS) / buckets;
    Buckets out = new Buckets(fromS, widthS, new double[buckets], new double[buckets],
        new double[buckets], new double[buckets]);
    int next = 0;
    double current = Double.NaN;
    for (int b = 0; b < buckets; b++) {
      double startS = fromS + b * widthS;
      while (next < times.length && times[next] <= startS) {
        current = values[next++];
      }
      double endS = b + 1 == buckets ? Math.nextUp(toS) : fromS + (b + 1) * widthS;
      double low = current;
      double high = current;
      out.first[b] = current;
      while (next < times.length && times[next] < endS) {
        current = values[next++];
        low = minIgnoringNaN(low, current);
        high = maxIgnoringNaN(high, current);
      }
      out.min[b] = low;
      out.max[b] = high;
      out.last[b] = current;
    }
    return out;
  }

  private static double minIgnoringNaN(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
  }

  private static double maxIgnoringNaN(double a, double b) {
    return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
  }
}
