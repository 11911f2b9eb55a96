package dev.kelvin.core.port;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The hardware of one node as the node agent sees it: sensors to read and setpoints to hold,
 * for the whole node or per device (a GPU, a CPU package). Implemented over Linux sysfs and
 * NVML on a real node, and by the simulator's node model, so that the agent's lease and
 * read-back logic is the same code in both.
 */
public interface NodeHardware {
  NodeId node();

  RackId rack();

  /** The devices of the node that have sensors or setpoints of their own, in index order. */
  default List<Device> devices() {
    return List.of();
  }

  /** Reads every sensor now; absent sensors are absent from the result. */
  Sample sample();

  /** Whether this node can hold setpoints of {@code kind} on {@code device}. */
  boolean supports(SetpointKind kind, Optional<Device> device);

  /** The setpoint's hardware limits, in its unit. */
  SetpointLimits limits(SetpointKind kind, Optional<Device> device);

  /**
   * Applies {@code value} (already within {@link #limits}) and returns the value read back
   * from the hardware afterwards.
   *
   * @throws HardwareException when the hardware refuses or the write fails
   */
  double apply(SetpointKind kind, Optional<Device> device, double value);

  /** The setpoint now in force, read from the hardware. */
  double read(SetpointKind kind, Optional<Device> device);

  /** One sample of the sensors: the node's own and each device's. */
  record Sample(MetricValues node, SortedMap<Device, MetricValues> devices) {
    public Sample {
      Objects.requireNonNull(node, "node");
      devices = Collections.unmodifiableSortedMap(new TreeMap<>(devices));
    }

    /** Node-level metrics only. */
    public static Sample of(MetricValues node) {
      return new Sample(node, new TreeMap<>());
    }
  }

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
