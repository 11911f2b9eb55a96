package dev.kelvin.core.action;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import java.util.Optional;

/**
 * An action that holds a hardware setpoint on a node for the length of its lease. The node
 * agent reverts to the hardware default when the lease runs out, so a dead controller never
 * leaves a node throttled.
 */
public sealed interface SetpointAction extends NodeAction
    permits SetCpuFrequencyCap, SetGpuPowerLimit, SetNodePowerCap {
  SetpointKind kind();

  /** The setpoint in {@link SetpointKind#unit()}. */
  double value();

  /** The device on the node the setpoint applies to (a GPU), empty for the whole node. */
  default Optional<Device> device() {
    return Optional.empty();
  }

  /** The same action with another value: how the guard clamps a proposal. */
  SetpointAction withValue(double newValue);
}
