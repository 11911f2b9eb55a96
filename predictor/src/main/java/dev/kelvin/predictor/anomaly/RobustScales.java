package dev.kelvin.predictor.anomaly;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Each input's median and robust scale over the training rows: the scale is the larger of
 * 1.4826 times the median absolute deviation (the standard deviation, were the values normal)
 * and the distance from the median to the 99th percentile over 2.326 (the same, measured in
 * the tail), so that an input whose values are mostly one number (a memory error count that is
 * 0 on most nodes most of the time: a MAD of 0) still has a scale. At least {@link #MIN_SCALE}.
 *
 * @param medians per input, in the order of {@link AnomalyInputs#NAMES}
 * @param scales per input, > 0
 */
public record RobustScales(double[] medians, double[] scales) {
  static final double MIN_SCALE = 1e-3;
  private static final double MAD_TO_SD = 1.4826;
  private static final double Z_99 = 2.326;

  public RobustScales {
    medians = medians.clone();
    scales = scales.clone();
    if (medians.length != scales.length) {
      throw new IllegalArgumentException(medians.length + " medians but " + scales.length
          + " scales");
    }
    for (double scale : scales) {
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new IllegalArgumentException("every scale must be > 0 and finite, were "
            + Arrays.toString(scales));
      }
    }
  }

  /** Fits medians and scales to {@code rows} of inputs; NaN values are left out. */
  public static RobustScales fit(List<double[]> rows) {
    int width = AnomalyInputs.NAMES.size();
    double[] medians = new double[width];
    double[] scales = new double[width];
    for (int f = 0; f < width; f++) {
      double[] values = column(rows, f);
      if (values.length == 0) {
        throw new IllegalArgumentException("no training row has " + AnomalyInputs.NAMES.get(f));
      }
      Arrays.sort(values);
      double median = quantile(values, 0.5);
      double[] deviations = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        deviations[i] = Math.abs(values[i] - median);
      }
      Arrays.sort(deviations);
      medians[f] = median;
      scales[f] = Math.max(MIN_SCALE, Math.max(MAD_TO_SD * quantile(deviations, 0.5),
          (quantile(values, 0.99) - median) / Z_99));
    }
    return new RobustScales(medians, scales);
  }

  /** {@code (x - median) / scale} per input, 0 where the input is NaN (taken as usual). */
  public double[] standardise(double[] inputs) {
    double[] z = new double[inputs.length];
    for (int f = 0; f < inputs.length; f++) {
      z[f] = Double.isNaN(inputs[f]) ? 0 : (inputs[f] - medians[f]) / scales[f];
    }
    return z;
  }

  Map<String, String> settings(String prefix) {
    return Map.of(prefix + "medians", Numbers.join(medians), prefix + "scales",
        Numbers.join(scales));
  }

  static RobustScales fromSettings(Map<String, String> settings, String prefix) {
    return new RobustScales(Numbers.split(settings, prefix + "medians"),
        Numbers.split(settings, prefix + "scales"));
  }

  /** The {@code q} quantile of sorted {@code values}, interpolated linearly. */
  static double quantile(double[] sorted, double q) {
    double at = q * (sorted.length - 1);
    int low = (int) Math.floor(at);
    int high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (at - low) * (sorted[high] - sorted[low]);
  }

  private static double[] column(List<double[]> rows, int f) {
    double[] values = new double[rows.size()];
    int n = 0;
    for (double[] row : rows) {
      if (!Double.isNaN(row[f])) {
        values[n++] = row[f];
      }
    }
    return Arrays.copyOf(values, n);
  }
}
