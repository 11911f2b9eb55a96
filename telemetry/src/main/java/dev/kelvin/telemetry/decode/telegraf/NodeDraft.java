package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reading of one node at one instant that the lines of one message build up: every line of
 * that node and instant adds its values, which combine by their {@link Aggregation}; a target
 * given by two kinds of line (two sources of one metric) keeps the later one. Not thread-safe.
 */
final class NodeDraft {
  private final NodeId node;
  private final Instant at;
  private RackId rack = RackId.UNKNOWN;
  private final Map<Target, Aggregate> targets = new LinkedHashMap<>();
  private final List<Integer> lines = new ArrayList<>();

  NodeDraft(NodeId node, Instant at) {
    this.node = node;
    this.at = at;
  }

  /** Adds what line {@code number} gave; the first rack a line names is the node's. */
  void add(int number, RackId lineRack, List<Contribution> contributions) {
    lines.add(number);
    if (rack.equals(RackId.UNKNOWN)) {
      rack = lineRack;
    }
    for (Contribution contribution : contributions) {
      Aggregate aggregate = targets.get(contribution.target());
      if (aggregate == null || aggregate.kind() != contribution.aggregation()) {
        aggregate = Aggregate.ofMessage(contribution.aggregation());
        targets.put(contribution.target(), aggregate);
      }
      aggregate.add(contribution.member(), contribution.value());
    }
  }

  /**
   * The reading, each aggregate combined with those of earlier messages of the same instant.
   *
   * @throws ValidationException when the values contradict one another (a GPU's minimum power
   *     limit above its maximum, say), naming the lines
   */
  NodeReading build(RunningAggregates running) {
    MetricValues.Builder metrics = MetricValues.builder();
    Map<Device, MetricValues.Builder> devices = new TreeMap<>();
    try {
      for (Map.Entry<Target, Aggregate> entry : targets.entrySet()) {
        Target target = entry.getKey();
        double value = running.combine(node, at, target, entry.getValue());
        MetricValues.Builder into = target.device().isEmpty() ? metrics
            : devices.computeIfAbsent(target.device().get(), device -> MetricValues.builder());
        into.set(target.metric(), value);
      }
      Map<Device, MetricValues> built = new TreeMap<>();
      devices.forEach((device, values) -> built.put(device, values.build()));
      return new NodeReading(node, rack, at, 0, metrics.build(), new TreeMap<>(built));
    } catch (ValidationException inconsistent) {
      throw new ValidationException(inconsistent.reason(), inconsistent.field(),
          (lines.size() == 1 ? "line " : "lines ") + joined() + " (" + node + " at " + at
              + "): " + inconsistent.getMessage());
    }
  }

  private String joined() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size() && i < 10; i++) {
      text.append(i == 0 ? "" : ", ").append(lines.get(i));
    }
    return lines.size() > 10 ? text.append(" ...").toString() : text.toString();
  }
}
