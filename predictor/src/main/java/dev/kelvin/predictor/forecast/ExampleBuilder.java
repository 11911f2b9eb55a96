package dev.kelvin.predictor.forecast;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.predictor.features.FeatureResult;
import dev.kelvin.predictor.features.FeatureResult.Extracted;
import dev.kelvin.predictor.features.FeatureResult.SkipReason;
import dev.kelvin.predictor.features.FeatureResult.Skipped;
import dev.kelvin.predictor.features.PowerFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Turns a reading history into labelled examples: every reading of every node anchors one,
 * with the features of the window ending there and, as label, the node's power one horizon
 * later. A node's readings are sorted by time and exact repeats of an instant dropped; the
 * label is the reading nearest to anchor + horizon within one sample interval (the node's
 * median gap between readings), so ±1 sample of jitter is tolerated.
 */
final class ExampleBuilder {
  private static final Comparator<LabelledExample> BY_TIME =
      Comparator.comparing(LabelledExample::at).thenComparing(LabelledExample::node);

  private final ForecastSettings settings;
  private final PowerFeatures features;
  private int duplicates;
  private int tooShort;
  private int missingMetric;
  private int unlabelled;

  private ExampleBuilder(ForecastSettings settings) {
    this.settings = settings;
    this.features = new PowerFeatures(settings.window());
  }

  /** The examples of {@code history}, in time order (ties by node), and what was skipped. */
  static Examples build(List<NodeReading> history, ForecastSettings settings) {
    ExampleBuilder builder = new ExampleBuilder(settings);
    Map<NodeId, List<NodeReading>> byNode = new TreeMap<>();
    for (NodeReading reading : history) {
      byNode.computeIfAbsent(reading.node(), node -> new ArrayList<>()).add(reading);
    }
    List<LabelledExample> examples = new ArrayList<>(history.size());
    for (List<NodeReading> readings : byNode.values()) {
      builder.addNode(builder.ordered(readings), examples);
    }
    examples.sort(BY_TIME);
    return new Examples(List.copyOf(examples), history.size(), builder.duplicates,
        byNode.size(), builder.tooShort, builder.missingMetric, builder.unlabelled);
  }

  /** Labelled examples and the counts of what could not become one. */
  record Examples(List<LabelledExample> examples, int readings, int duplicates, int nodes,
      int tooShort, int missingMetric, int unlabelled) {}

  private List<NodeReading> ordered(List<NodeReading> readings) {
    readings.sort(Comparator.comparing(NodeReading::at).thenComparingLong(NodeReading::seq));
    List<NodeReading> unique = new ArrayList<>(readings.size());
    for (NodeReading reading : readings) {
      if (!unique.isEmpty() && unique.get(unique.size() - 1).at().equals(reading.at())) {
        duplicates++;
      } else {
        unique.add(reading);
      }
    }
    return unique;
  }

  private void addNode(List<NodeReading> series, List<LabelledExample> out) {
    if (series.size() < 2) {
      tooShort += series.size();
      return;
    }
    Duration tolerance = medianInterval(series);
    int from = 0;
    int labelFrom = 0;
    for (int i = 0; i < series.size(); i++) {
      NodeReading anchor = series.get(i);
      Instant windowStart = anchor.at().minus(settings.window());
      while (series.get(from).at().isBefore(windowStart)) {
        from++;
      }
      Instant target = anchor.at().plus(settings.horizon());
      while (labelFrom < series.size()
          && series.get(labelFrom).at().isBefore(target.minus(tolerance))) {
        labelFrom++;
      }
      FeatureResult result = features.extract(series.subList(from, i + 1));
      OptionalInt label = nearestWithPower(series, labelFrom, target, tolerance);
      addExample(anchor, result,
          label.isEmpty() ? Optional.empty() : Optional.of(series.get(label.getAsInt())), out);
    }
  }

  private void addExample(NodeReading anchor, FeatureResult result,
      Optional<NodeReading> label, List<LabelledExample> out) {
    if (result instanceof Skipped skipped) {
      count(skipped.reason());
    } else if (label.isEmpty()) {
      unlabelled++;
    } else if (result instanceof Extracted extracted) {
      NodeReading labelled = label.get();
      out.add(new LabelledExample(anchor.node(), anchor.at(), extracted.features(),
          labelled.at(), labelled.metrics().getOrNaN(NodeMetric.POWER_WATTS)));
    } else {
      throw new AssertionError(result);
    }
  }

  private void count(SkipReason reason) {
    if (reason == SkipReason.TOO_SHORT) {
      tooShort++;
    } else if (reason == SkipReason.MISSING_METRIC) {
      missingMetric++;
    } else {
      throw new AssertionError(reason);
    }
  }

  /** The reading carrying power nearest to {@code target}, within {@code tolerance} of it. */
  private static OptionalInt nearestWithPower(List<NodeReading> series, int from,
      Instant target, Duration tolerance) {
    OptionalInt best = OptionalInt.empty();
    long bestGap = Long.MAX_VALUE;
    Instant last = target.plus(tolerance);
    for (int k = from; k < series.size() && !series.get(k).at().isAfter(last); k++) {
      long gap = Math.abs(Duration.between(target, series.get(k).at()).toNanos());
      if (gap < bestGap && series.get(k).metrics().has(NodeMetric.POWER_WATTS)) {
        best = OptionalInt.of(k);
        bestGap = gap;
      }
    }
    return best;
  }

  /** The median gap between consecutive readings: one sample interval of this node. */
  private static Duration medianInterval(List<NodeReading> series) {
    long[] gaps = new long[series.size() - 1];
    for (int i = 1; i < series.size(); i++) {
      gaps[i - 1] = Duration.between(series.get(i - 1).at(), series.get(i).at()).toNanos();
    }
    Arrays.sort(gaps);
    return Duration.ofNanos(gaps[gaps.length / 2]);
  }
}
