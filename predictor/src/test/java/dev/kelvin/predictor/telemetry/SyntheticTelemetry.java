package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A small telemetry file for tests: {@code nodes} nodes every 2 minutes from {@link #T0}, with
 * idle-looking features and a stray corrected memory error now and then; each node in
 * {@code failing} fails (with warning) every {@code failEvery} ticks, and in the 7 ticks
 * (14 minutes) before, its error counts climb and its CPU runs hotter for its power.
 */
public final class SyntheticTelemetry {
  public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final List<String> NAMES = NodeTelemetryFeatures.NAMES;

  private SyntheticTelemetry() {}

  public static NodeId node(int k) {
    return NodeId.of("a", String.format("n%04d", k + 1));
  }

  public static Instant tick(int t) {
    return T0.plusSeconds(120L * t);
  }

  /** Writes the file and returns the failures it was labelled with. */
  public static List<LabelledFailure> write(Path file, int nodes, int ticks, int failing,
      int failEvery) {
    return write(file, nodes, ticks, failing, failEvery, 0);
  }

  /**
   * As {@link #write(Path, int, int, int, int)}, with the first {@code unwarned} of the
   * failing nodes failing without warning: nothing in their rows changes before a failure.
   */
  public static List<LabelledFailure> write(Path file, int nodes, int ticks, int failing,
      int failEvery, int unwarned) {
    SplittableRandom random = new SplittableRandom(5);
    List<LabelledFailure> failures = new ArrayList<>();
    for (int k = 0; k < failing; k++) {
      for (int t = failEvery / 2 + 3 * k; t < ticks; t += failEvery) {
        failures.add(new LabelledFailure(node(k), tick(t).plusSeconds(60), k >= unwarned));
      }
    }
    try (TelemetryRecorder recorder = new TelemetryRecorder(file, "synthetic")) {
      for (int t = 0; t < ticks; t++) {
        List<NodeId> ids = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int k = 0; k < nodes; k++) {
          ids.add(node(k));
          values.add(row(random, k < unwarned ? Integer.MAX_VALUE
              : ticksToFailure(failures, node(k), t)));
        }
        recorder.record(new NodeFeatureBatch(tick(t), ids, values, new TreeMap<>()));
      }
      recorder.finish(failures);
    }
    return failures;
  }

  private static int ticksToFailure(List<LabelledFailure> failures, NodeId node, int t) {
    for (LabelledFailure failure : failures) {
      if (failure.node().equals(node) && !failure.at().isBefore(tick(t))) {
        return (int) ((failure.at().getEpochSecond() - tick(t).getEpochSecond()) / 120);
      }
    }
    return Integer.MAX_VALUE;
  }

  private static double[] row(SplittableRandom random, int ticksToFailure) {
    double[] row = new double[NAMES.size()];
    Arrays.fill(row, Double.NaN);
    double extra = ticksToFailure < 15 ? (15 - ticksToFailure) / 2.0 : 0;
    set(row, "cpu_temp_c_mean", 40 + random.nextGaussian() + extra);
    set(row, "power_w_mean", 100 + random.nextGaussian() * 5);
    set(row, "cpu_util_mean", 0.1);
    set(row, "thermal_resistance_k_per_kw_mean", 160 + random.nextGaussian() * 5 + 8 * extra);
    set(row, "thermal_resistance_k_per_kw_slope_per_min", random.nextGaussian() + extra);
    double stray = random.nextDouble() < 0.05 ? 1 : 0;
    set(row, "ecc_corrected_delta_5m", stray + 2 * extra);
    set(row, "ecc_corrected_delta_15m", stray + 3 * extra);
    set(row, "ecc_corrected_delta_30m", stray + 3 * extra);
    return row;
  }

  private static void set(double[] row, String name, double value) {
    row[NAMES.indexOf(name)] = value;
  }
}
