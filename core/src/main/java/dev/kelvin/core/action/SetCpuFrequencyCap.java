package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.util.Objects;

/** Cap the CPU frequency of {@code node} at {@code capMhz} for the lease. */
public record SetCpuFrequencyCap(ActionMeta meta, NodeId node, double capMhz)
    implements SetpointAction {
  public SetCpuFrequencyCap {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
    Setpoints.positive("capMhz", "MHz", capMhz);
    if (meta.lease().isZero()) {
      throw new IllegalArgumentException("a CPU frequency cap needs a lease, so that a dead"
          + " controller cannot leave " + node + " throttled");
    }
  }

  @Override
  public SetpointKind kind() {
    return SetpointKind.CPU_FREQ_CAP;
  }

  @Override
  public double value() {
    return capMhz;
  }

  @Override
  public SetCpuFrequencyCap withValue(double newValue) {
    return new SetCpuFrequencyCap(meta, node, newValue);
  }

  @Override
  public ActionType type() {
    return ActionType.SET_CPU_FREQUENCY_CAP;
  }

  @Override
  public String describe() {
    return "cap CPU at " + Setpoints.format(capMhz) + " MHz";
  }
}
