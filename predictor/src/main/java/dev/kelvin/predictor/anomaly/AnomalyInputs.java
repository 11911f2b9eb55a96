package dev.kelvin.predictor.anomaly;

import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import java.util.List;

/**
 * The features the anomaly detector reads, out of a node's {@code node-failure} features: the
 * memory error counts over 5, 15 and 30 minutes and the CPU's thermal resistance (mean and
 * slope). These do not follow the load: a busy node among idle peers is not unusual, while
 * errors that pile up or a CPU that runs hotter for its power are, whatever the node runs.
 */
public final class AnomalyInputs {
  /** The names, in the order {@link #select} returns them. */
  public static final List<String> NAMES = List.of("ecc_corrected_delta_5m",
      "ecc_corrected_delta_15m", "ecc_corrected_delta_30m", "thermal_resistance_k_per_kw_mean",
      "thermal_resistance_k_per_kw_slope_per_min");
  private static final int[] INDEX = NAMES.stream()
      .mapToInt(NodeTelemetryFeatures.NAMES::indexOf).toArray();

  private AnomalyInputs() {}

  /** The inputs of a full feature row, NaN where unknown. */
  public static double[] select(double[] features) {
    double[] inputs = new double[INDEX.length];
    for (int k = 0; k < INDEX.length; k++) {
      inputs[k] = features[INDEX[k]];
    }
    return inputs;
  }
}
