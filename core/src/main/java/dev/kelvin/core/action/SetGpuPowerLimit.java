package dev.kelvin.core.action;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import java.util.Objects;
import java.util.Optional;

/** Limit the power of GPU {@code gpuIndex} on {@code node} to {@code limitWatts}. */
public record SetGpuPowerLimit(ActionMeta meta, NodeId node, int gpuIndex, double limitWatts)
    implements SetpointAction {
  public SetGpuPowerLimit {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(node, "node");
    if (gpuIndex < 0 || gpuIndex > Device.MAX_INDEX) {
      throw new IllegalArgumentException("gpuIndex must be within 0.." + Device.MAX_INDEX
          + ", was " + gpuIndex);
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
  public Optional<Device> device() {
    return Optional.of(Device.gpu(gpuIndex));
  }

  @Override
  public SetGpuPowerLimit withValue(double newValue) {
    return new SetGpuPowerLimit(meta, node, gpuIndex, newValue);
  }

  @Override
  public ActionType type() {
    return ActionType.SET_GPU_POWER_LIMIT;
  }

  @Override
  public String describe() {
    return "limit GPU " + gpuIndex + " to " + Setpoints.format(limitWatts) + " W";
  }
}
