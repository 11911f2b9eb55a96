package dev.kelvin.core.port;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import java.util.OptionalInt;

/**
 * The hardware of one node as the node agent sees it: sensors to read and setpoints to hold.
 * Implemented over Linux sysfs and NVML on a real node, and by the simulator's node model, so
 * that the agent's lease and read-back logic is the same code in both.
 */
public interface NodeHardware {
  NodeId node();

  RackId rack();

  /** Reads every sensor now; absent sensors are absent from the result. */
  MetricValues sample();

  /** Whether this node can hold setpoints of {@code kind} on {@code device}. */
  boolean supports(SetpointKind kind, OptionalInt device);

  /** The setpoint's hardware limits, in its unit. */
  SetpointLimits limits(SetpointKind kind, OptionalInt device);

  /**
   * Applies {@code value} (already within {@link #limits}) and returns the value read back
   * from the hardware afterwards.
   *
   * @throws HardwareException when the hardware refuses or the write fails
   */
  double apply(SetpointKind kind, OptionalInt device, double value);

  /** The setpoint now in force, read from the hardware. */
  double read(SetpointKind kind, OptionalInt device);

  /** Limits of a setpoint: the hardware's minimum and maximum and the default it reverts to. */
  record SetpointLimits(double min, double max, double defaultValue) {
    public SetpointLimits {
      if (!(min <= defaultValue && defaultValue <= max)) {
        throw new IllegalArgumentException("setpoint limits need min <= default <= max, got "
            + min + " <= " + defaultValue + " <= " + max);
      }
    }

    public double clamp(double value) {
      return Math.max(min, Math.min(max, value));
    }
  }

  /** The hardware refused a setpoint or could not be read; the message says which and why. */
  final class HardwareException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HardwareException(String message) {
      super(message);
    }

    public HardwareException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
