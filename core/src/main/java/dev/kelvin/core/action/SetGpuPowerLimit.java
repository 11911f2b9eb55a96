package dev.kelvin.core.action;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.util.Objects;
import java.util.OptionalInt;

/** Limit the power of GPU {@code gpuIndex} on {@code node} to {@code limitWatts}. */
public record SetGpuPowerLimit(ActionMeta meta, NodeId node, int gpuIndex, double limitWatts)
    implements SetpointAction {
  public SetGpuPowerLimit {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
    if (gpuIndex < 0) {
      throw new IllegalArgumentException("gpuIndex must be >= 0, was " + gpuIndex);
    }
    Setpoints.positive("limitWatts", "W", limitWatts);
    if (meta.lease().isZero()) {
      throw new IllegalArgumentException("a GPU power limit needs a lease");
    }
  }

  @Override
  public SetpointKind kind() {
    return SetpointKind.GPU_POWER_LIMIT;
  }

  @Override
  public double value() {
    return limitWatts;
  }

  @Override
  public OptionalInt device() {
    return OptionalInt.of(gpuIndex);
  }

  @Override
  public SetGpuPowerLimit withValue(double newValue) {
    return new SetGpuPowerLimit(meta, node, gpuIndex, newValue);
  }

  @Override
  public String describe() {
    return "limit GPU " + gpuIndex + " to " + Setpoints.format(limitWatts) + " W";
  }
}
