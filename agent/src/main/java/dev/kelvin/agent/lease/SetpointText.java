package dev.kelvin.agent.lease;

import dev.kelvin.core.model.Numbers;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware.SetpointLimits;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.model.Device;
import java.util.Optional;

/** How setpoints and their values are written in acks and logs. */
final class SetpointText {
  private SetpointText() {}

  /** {@code cpu_freq_cap_mhz}, or {@code gpu_power_limit_w on gpu 1} for a device setpoint. */
  static String name(SetpointKind kind, Optional<Device> device) {
    return device.map(d -> kind.valueField() + " on " + d).orElse(kind.valueField());
  }

  /** A value with its unit: {@code 2400 MHz}, {@code 212.5 W}. */
  static String value(SetpointKind kind, double value) {
    return number(value) + " " + kind.unit();
  }

  static String number(double value) {
    return Numbers.plain(value, 3);
  }

  /**
   * What applying {@code command} did: the value set, whether it was clamped to the hardware's
   * limits (and which), and the read-back when the hardware settled elsewhere.
   */
  static String applied(NodeCommand command, SetpointLimits limits, double target,
      double readBack) {
    SetpointKind kind = command.kind();
    String setpoint = name(kind, command.device());
    String text;
    if (command.value() < limits.min()) {
      text = setpoint + " " + value(kind, command.value()) + " is below this node's minimum of "
          + value(kind, limits.min()) + ": clamped to " + value(kind, target);
    } else if (command.value() > limits.max()) {
      text = setpoint + " " + value(kind, command.value()) + " is above this node's maximum of "
          + value(kind, limits.max()) + ": clamped to " + value(kind, target);
    } else {
      text = "applied " + setpoint + " " + value(kind, target);
    }
    if (Math.abs(readBack - target) > 1e-9 * Math.max(1, Math.abs(target))) {
      text += "; the hardware reads back " + value(kind, readBack) + " (its own step or limit)";
    }
    return text;
  }
}
