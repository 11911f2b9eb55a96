package dev.kelvin.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the controller knows of one node at a snapshot: its latest reading, a window of recent
 * readings (oldest first, ending with the latest) for features, when it was last heard from
 * and whether that is too long ago to act on.
 */
public record NodeView(NodeId id, RackId rack, NodeReading latest, List<NodeReading> window,
    Instant lastReceived, boolean stale) {
  public NodeView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rack, "rack");
    Objects.requireNonNull(latest, "latest");
    Objects.requireNonNull(lastReceived, "lastReceived");
    window = List.copyOf(window);
    if (window.isEmpty() || window.get(window.size() - 1) != latest
        && !window.get(window.size() - 1).equals(latest)) {
      throw new IllegalArgumentException("window of " + id + " must end with the latest reading");
    }
  }

  /** The latest value of {@code metric}, if the latest reading carries it. */
  public OptionalDouble latest(NodeMetric metric) {
    return latest.metrics().get(metric);
  }

  /** The latest value of {@code metric} for the node, or for {@code device} when given. */
  public OptionalDouble latest(NodeMetric metric, Optional<Device> device) {
    return latest.get(metric, device);
  }
}
