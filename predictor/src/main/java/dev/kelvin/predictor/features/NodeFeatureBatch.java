package dev.kelvin.predictor.features;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.predictor.features.NodeTelemetryFeatures.UnknownReason;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The node features of one snapshot: for each node that can be predicted for, its values in
 * the order of {@link NodeTelemetryFeatures#NAMES}; for each other node, why not.
 *
 * @param at the snapshot's instant
 * @param nodes the nodes with features, in node order
 * @param values {@code values.get(i)} are {@code nodes.get(i)}'s features (NaN where unknown)
 * @param unknown the nodes without features, each with its reason
 */
public record NodeFeatureBatch(Instant at, List<NodeId> nodes, List<double[]> values,
    SortedMap<NodeId, UnknownReason> unknown) {
  public NodeFeatureBatch {
    Objects.requireNonNull(at, "at");
    nodes = List.copyOf(nodes);
    values = List.copyOf(values);
    unknown = Collections.unmodifiableSortedMap(new TreeMap<>(unknown));
    if (nodes.size() != values.size()) {
      throw new IllegalArgumentException(nodes.size() + " nodes but " + values.size()
          + " feature vectors");
    }
  }

  /** The features of {@code node}, or null when it has none at this snapshot. */
  public double[] valuesOf(NodeId node) {
    int at = Collections.binarySearch(nodes, node);
    return at < 0 ? null : values.get(at);
  }

  /** How many nodes got no features, by reason. */
  public Map<UnknownReason, Integer> unknownCounts() {
    Map<UnknownReason, Integer> counts = new EnumMap<>(UnknownReason.class);
    unknown.values().forEach(reason -> counts.merge(reason, 1, Integer::sum));
    return counts;
  }
}
