package dev.kelvin.predictor.features;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.predictor.model.FeatureSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The features of one node for the failure model (feature set {@code node-failure}), one
 * definition for training on recorded simulator telemetry and for serving:
 *
 * <ul>
 *   <li>from the snapshot's window of readings: mean, maximum and least-squares slope (per
 *       minute) of CPU temperature, inlet temperature, power and CPU clock; mean utilisation;
 *       mean and slope of the CPU's thermal resistance, (CPU - inlet) / power in K per kW,
 *       which rises when a fan or heat sink fails whatever the load;
 *   <li>from the node's corrected and uncorrected memory error counters as
 *       {@link CounterMemory} keeps them across ticks: the errors counted over the last 5, 15
 *       and 30 minutes, and the node's long-run rate (its own background);
 *   <li>the node's failure history ({@link FailureHistoryFeatures}).
 * </ul>
 *
 * <p>A value that cannot be known (a metric the node does not report, a window too short for a
 * slope, a counter not yet remembered that far back) is NaN, never 0. Some signals are needed
 * for any prediction at all: see {@link #unknownReason}. Stateless; the state across ticks is
 * {@link NodeFeatureTracker}'s.
 */
public final class NodeTelemetryFeatures {
  /** The window features, in the order {@link #windowValues} returns them. */
  public static final List<String> WINDOW_NAMES = List.of(
      "cpu_temp_c_mean", "cpu_temp_c_max", "cpu_temp_c_slope_per_min",
      "inlet_temp_c_mean", "inlet_temp_c_max", "inlet_temp_c_slope_per_min",
      "power_w_mean", "power_w_max", "power_w_slope_per_min",
      "cpu_freq_mhz_mean", "cpu_freq_mhz_max", "cpu_freq_mhz_slope_per_min",
      "cpu_util_mean", "thermal_resistance_k_per_kw_mean",
      "thermal_resistance_k_per_kw_slope_per_min");
  /** The memory error features, in the order {@link NodeFeatureTracker} fills them. */
  public static final List<String> ECC_NAMES = List.of(
      "ecc_corrected_delta_5m", "ecc_corrected_delta_15m", "ecc_corrected_delta_30m",
      "ecc_corrected_per_h_baseline", "ecc_uncorrected_delta_30m");
  /** Every feature, in the order the model reads them. */
  public static final List<String> NAMES = concat(WINDOW_NAMES, ECC_NAMES,
      FailureHistoryFeatures.NAMES);
  /** The feature set a failure model on node telemetry is trained on and served with. */
  public static final FeatureSet FEATURES = new FeatureSet("node-failure", NAMES);
  /** A prediction needs a window of at least this many readings (a slope needs three). */
  public static final int MIN_READINGS = 3;
  /** ... and the corrected error counter known at least this far back. */
  public static final Duration MIN_COUNTER_HISTORY = Duration.ofMinutes(15);

  /** Readings with less power than this are left out of the thermal resistance (a node off). */
  static final double MIN_POWER_FOR_RESISTANCE_W = 10;

  /** Why a node gets no prediction at a tick. */
  public enum UnknownReason {
    /** Its telemetry is older than the stale limit (or it is down, off or cut off). */
    STALE,
    /** Its latest reading lacks the CPU temperature or the corrected memory error counter. */
    MISSING_SIGNAL,
    /**
     * Its window holds fewer than {@value NodeTelemetryFeatures#MIN_READINGS} readings, or its
     * corrected error counter is not yet known 15 minutes back (just started, just back).
     */
    SHORT_HISTORY
  }

  private NodeTelemetryFeatures() {}

  /**
   * Why {@code view} cannot be predicted for from its snapshot alone, or empty when it can
   * (the counter's history is {@link NodeFeatureTracker}'s to check).
   */
  public static Optional<UnknownReason> unknownReason(NodeView view) {
    if (view.stale()) {
      return Optional.of(UnknownReason.STALE);
    }
    if (!view.latest().metrics().has(NodeMetric.CPU_TEMP_CELSIUS)
        || !view.latest().metrics().has(NodeMetric.ECC_CORRECTABLE_TOTAL)) {
      return Optional.of(UnknownReason.MISSING_SIGNAL);
    }
    if (view.window().size() < MIN_READINGS) {
      return Optional.of(UnknownReason.SHORT_HISTORY);
    }
    return Optional.empty();
  }

  /**
   * The window features of {@code window} (oldest first, ending with the latest reading), in
   * the order of {@link #WINDOW_NAMES}; each NaN where the readings do not carry what it needs.
   * Computed by {@link WindowColumns}, which the tracker keeps per node from tick to tick.
   */
  public static double[] windowValues(List<NodeReading> window) {
    double[] values = new double[WINDOW_NAMES.size()];
    WindowColumns.of(window).values(values);
    return values;
  }

  /** (CPU - inlet) / power in K per kW, NaN without all three or with the node off. */
  static double resistanceKPerKw(double cpuCelsius, double inletCelsius, double powerWatts) {
    if (!(powerWatts >= MIN_POWER_FOR_RESISTANCE_W)) {
      return Double.NaN;
    }
    return (cpuCelsius - inletCelsius) / (powerWatts / 1000);
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
