package dev.kelvin.core.state;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Merging the parts of one node's sample that arrived in separate messages. */
final class NodeReadings {
  private NodeReadings() {}

  /**
   * {@code held} completed by {@code part}: every metric of both, the part's value where both
   * carry one, the part's rack when it names one.
   */
  static NodeReading merged(NodeReading held, NodeReading part) {
    SortedMap<Device, MetricValues> devices = new TreeMap<>(held.devices());
    for (Map.Entry<Device, MetricValues> entry : part.devices().entrySet()) {
      devices.merge(entry.getKey(), entry.getValue(), NodeReadings::union);
    }
    RackId rack = part.rack().equals(RackId.UNKNOWN) ? held.rack() : part.rack();
    return new NodeReading(held.node(), rack, held.at(), held.seq(),
        union(held.metrics(), part.metrics()), devices);
  }

  private static MetricValues union(MetricValues held, MetricValues part) {
    MetricValues.Builder out = held.toBuilder();
    part.asMap().forEach(out::set);
    return out.build();
  }
}
