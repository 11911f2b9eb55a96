package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import java.util.Objects;
import java.util.Optional;

/** Where a value goes in a reading: a metric of the node, or of one of its devices. */
record Target(NodeMetric metric, Optional<Device> device) {
  Target {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(device, "device");
  }

  static Target node(NodeMetric metric) {
    return new Target(metric, Optional.empty());
  }

  static Target on(Device device, NodeMetric metric) {
    return new Target(metric, Optional.of(device));
  }
}
