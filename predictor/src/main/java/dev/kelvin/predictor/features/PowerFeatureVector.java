package dev.kelvin.predictor.features;

import java.util.List;

/**
 * The features of one node at one instant, as {@link PowerFeatures} extracts them from the
 * node's recent readings. Every value is finite; the order of {@link #NAMES} is the order of
 * {@link #toArray()}, and the names are the ones a model sees. There is no temperature among
 * them: the power model does not read one, so a node that reports none still gets a forecast.
 *
 * @param powerWatts the latest power, W ({@code power_w})
 * @param meanPowerWatts the mean power over the feature window, W ({@code power_mean_w})
 * @param powerSlopeWattsPerSecond the least-squares slope of power over the feature window, W/s
 *     ({@code power_slope_w_per_s}); positive while power is rising
 * @param cpuUtilRatio the latest CPU utilisation, ratio 0-1 ({@code cpu_util})
 * @param meanCpuUtilRatio the mean CPU utilisation over the feature window, ratio 0-1
 *     ({@code cpu_util_mean})
 * @param capRatio the frequency cap in force over the hardware maximum,
 *     {@code cpu_freq_cap_mhz / cpu_freq_max_mhz}, ratio ({@code cap_ratio}); 1 is uncapped
 */
public record PowerFeatureVector(double powerWatts, double meanPowerWatts,
    double powerSlopeWattsPerSecond, double cpuUtilRatio, double meanCpuUtilRatio,
    double capRatio) {

  /** The feature names, in the order of {@link #toArray()}; units are in the names. */
  public static final List<String> NAMES = List.of("power_w", "power_mean_w",
      "power_slope_w_per_s", "cpu_util", "cpu_util_mean", "cap_ratio");

  public PowerFeatureVector {
    double[] values = {powerWatts, meanPowerWatts, powerSlopeWattsPerSecond, cpuUtilRatio,
        meanCpuUtilRatio, capRatio};
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + NAMES.get(i) + " must be finite, was "
            + values[i] + " (a missing metric must skip the node, not reach the model)");
      }
    }
  }

  /** The values in the order of {@link #NAMES}; a fresh array on every call. */
  public double[] toArray() {
    return new double[] {powerWatts, meanPowerWatts, powerSlopeWattsPerSecond, cpuUtilRatio,
        meanCpuUtilRatio, capRatio};
  }
}
