package dev.kelvin.core.model;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of the cluster at one instant, as the control loop sees it: every known node in
 * a fixed order, so that rules and reports are deterministic.
 */
public record ClusterSnapshot(Instant at, SortedMap<NodeId, NodeView> nodes) {
  public ClusterSnapshot {
    Objects.requireNonNull(at, "at");
    nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
  }

  public static ClusterSnapshot of(Instant at, Collection<NodeView> views) {
    TreeMap<NodeId, NodeView> map = new TreeMap<>();
    for (NodeView view : views) {
      map.put(view.id(), view);
    }
    return new ClusterSnapshot(at, map);
  }

  public static ClusterSnapshot empty(Instant at) {
    return new ClusterSnapshot(at, new TreeMap<>());
  }

  public Optional<NodeView> node(NodeId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public Collection<NodeView> views() {
    return nodes.values();
  }

  /** Sum of the latest power of the nodes that are not stale, in watts. */
  public double totalPowerWatts() {
    double total = 0;
    for (Map.Entry<NodeId, NodeView> entry : nodes.entrySet()) {
      NodeView view = entry.getValue();
      if (!view.stale()) {
        total += view.latest(NodeMetric.POWER_WATTS).orElse(0);
      }
    }
    return total;
  }
}
