package dev.kelvin.predictor.load;

import dev.kelvin.datasets.load.LoadSeries;
import java.time.Instant;
import java.util.List;

/**
 * The scale of MASE for one trace: the mean absolute one-step change (the error of the
 * one-step naive forecast) over the trace's data before a boundary (in-sample), pooled over
 * its series: the sum of {@code |y[i] - y[i-1]|} over every pair of known consecutive values
 * that both end by the boundary, divided by the number of such pairs.
 *
 * @param mae the mean absolute one-step change, in the trace's unit; NaN when no pair
 * @param pairs how many pairs it is the mean of
 */
public record NaiveScale(double mae, long pairs) {
  static NaiveScale of(List<LoadSeries> series, Instant until) {
    double sum = 0;
    long pairs = 0;
    for (LoadSeries one : series) {
      int last = LoadSplit.lastEndingBy(one, until);
      for (int i = 1; i <= last; i++) {
        double change = one.value(i) - one.value(i - 1);
        if (!Double.isNaN(change)) {
          sum += Math.abs(change);
          pairs++;
        }
      }
    }
    return new NaiveScale(pairs == 0 ? Double.NaN : sum / pairs, pairs);
  }

  /** {@code meanAbsoluteError} scaled by this; NaN when the scale is unknown or 0. */
  public double mase(double meanAbsoluteError) {
    return mae > 0 ? meanAbsoluteError / mae : Double.NaN;
  }
}
