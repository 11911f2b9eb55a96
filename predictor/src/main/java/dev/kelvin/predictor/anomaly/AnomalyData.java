package dev.kelvin.predictor.anomaly;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.telemetry.TelemetryFile;
import dev.kelvin.predictor.telemetry.TelemetryReadReport;
import dev.kelvin.predictor.telemetry.TelemetryRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a telemetry file in a time range, as the anomaly detector reads them: each row's
 * inputs ({@link AnomalyInputs}), grouped by tick (the peers a node is compared with), and
 * whether the row lies in a precursor window: its node's next failure gave warning and comes
 * within the window. Only the evaluation reads the labels; training is unsupervised.
 */
final class AnomalyData {
  final List<double[]> inputs;
  final boolean[] labels;
  /** Each row's node, and the seconds to its next failure (NaN: none recorded). */
  final List<NodeId> nodes;
  final double[] secondsToFailure;
  /** Row index of each tick's first row, then the row count. */
  final int[] tickStarts;
  final Instant[] ticks;
  final TelemetryReadReport report;

  private AnomalyData(List<double[]> inputs, boolean[] labels, List<NodeId> nodes,
      double[] secondsToFailure, int[] tickStarts, Instant[] ticks, TelemetryReadReport report) {
    this.inputs = inputs;
    this.labels = labels;
    this.nodes = nodes;
    this.secondsToFailure = secondsToFailure;
    this.tickStarts = tickStarts;
    this.ticks = ticks;
    this.report = report;
  }

  /**
   * The rows of {@code file} with ticks in {@code [from, until)}.
   *
   * @param window a row is labelled anomalous within this span before a warned failure
   */
  static AnomalyData read(Path file, Instant from, Instant until, Duration window,
      Consumer<String> progress) {
    progress.accept("reading " + file + " ...");
    List<double[]> inputs = new ArrayList<>();
    List<NodeId> nodes = new ArrayList<>();
    boolean[][] labels = {new boolean[1 << 16]};
    double[][] toFailure = {new double[1 << 16]};
    List<Integer> starts = new ArrayList<>();
    List<Instant> ticks = new ArrayList<>();
    TelemetryReadReport report = TelemetryFile.read(file, NodeTelemetryFeatures.FEATURES,
        (TelemetryRow row) -> {
          if (row.at().isBefore(from) || !row.at().isBefore(until)) {
            return;
          }
          if (ticks.isEmpty() || !ticks.get(ticks.size() - 1).equals(row.at())) {
            ticks.add(row.at());
            starts.add(inputs.size());
          }
          if (inputs.size() == labels[0].length) {
            labels[0] = Arrays.copyOf(labels[0], labels[0].length * 2);
            toFailure[0] = Arrays.copyOf(toFailure[0], toFailure[0].length * 2);
          }
          labels[0][inputs.size()] = row.failureWarned() && row.failsWithin(window);
          toFailure[0][inputs.size()] = row.secondsToFailure();
          nodes.add(row.node());
          inputs.add(AnomalyInputs.select(row.features()));
        });
    starts.add(inputs.size());
    progress.accept(String.format(java.util.Locale.ROOT, "read %,d rows of %,d ticks in range"
        + " (of %,d in the file; bad rows skipped: %s)", inputs.size(), ticks.size(),
        report.rows(), report.badRows()));
    return new AnomalyData(inputs, Arrays.copyOf(labels[0], inputs.size()), nodes,
        Arrays.copyOf(toFailure[0], inputs.size()), starts.stream().mapToInt(Integer::intValue).toArray(), ticks.toArray(new Instant[0]),
        report);
  }

  int tickCount() {
    return ticks.length;
  }

  int rows() {
    return inputs.size();
  }

  /** The rows of tick {@code t}. */
  List<double[]> tick(int t) {
    return inputs.subList(tickStarts[t], tickStarts[t + 1]);
  }

  /** The rows of ticks {@code [from, to)}, as one list. */
  List<double[]> rows(int fromTick, int toTick) {
    return inputs.subList(tickStarts[fromTick], tickStarts[toTick]);
  }

  /** The labels of ticks {@code [from, to)}. */
  boolean[] labels(int fromTick, int toTick) {
    return Arrays.copyOfRange(labels, tickStarts[fromTick], tickStarts[toTick]);
  }
}
