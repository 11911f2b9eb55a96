package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.util.Objects;

/** Cap the whole-node power of {@code node} at {@code capWatts} (RAPL or Redfish). */
public record SetNodePowerCap(ActionMeta meta, NodeId node, double capWatts)
    implements SetpointAction {
  public SetNodePowerCap {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
    Setpoints.positive("capWatts", "W", capWatts);
    if (meta.lease().isZero()) {
      throw new IllegalArgumentException("a node power cap needs a lease");
    }
  }

  @Override
  public SetpointKind kind() {
    return SetpointKind.NODE_POWER_CAP;
  }

  @Override
  public double value() {
    return capWatts;
  }

  @Override
  public SetNodePowerCap withValue(double newValue) {
    return new SetNodePowerCap(meta, node, newValue);
  }

  @Override
  public ActionType type() {
    return ActionType.SET_NODE_POWER_CAP;
  }

  @Override
  public String describe() {
    return "cap node power at " + Setpoints.format(capWatts) + " W";
  }
}
