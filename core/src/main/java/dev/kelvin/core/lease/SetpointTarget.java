package dev.kelvin.core.lease;

import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.util.Objects;
import java.util.Optional;

/**
 * What a setpoint lease holds: one kind of setpoint on one node, for the whole node or one
 * device of it. A newer setpoint for the same target replaces the older one's lease.
 */
public record SetpointTarget(NodeId node, SetpointKind kind, Optional<Device> device) {
  public SetpointTarget {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(kind, "kind");
    kind.requireDevice(device);
  }

  public static SetpointTarget of(SetpointAction action) {
    return new SetpointTarget(action.node(), action.kind(), action.device());
  }

  /** {@code site-a/n07 cpu_freq_cap_mhz}, or {@code ... gpu_power_limit_w on gpu 1}. */
  @Override
  public String toString() {
    return node + " " + kind.valueField() + device.map(d -> " on " + d).orElse("");
  }
}
