package dev.kelvin.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A hardware setpoint the controller can hold on a node under a lease: its unit, the command
 * type and value field on the wire, where it sits (the whole node, or each device of one kind),
 * and the telemetry metrics that report the value in force and the hardware's limits, so that
 * the safety guard can check a proposal and read the result back.
 */
public enum SetpointKind {
  CPU_FREQ_CAP("MHz", "set_cpu_freq_cap", "cpu_freq_cap_mhz", null,
      NodeMetric.CPU_FREQ_CAP_MHZ, NodeMetric.CPU_FREQ_MIN_MHZ, NodeMetric.CPU_FREQ_MAX_MHZ),
  GPU_POWER_LIMIT("W", "set_gpu_power_limit", "gpu_power_limit_w", Device.Kind.GPU,
      NodeMetric.GPU_POWER_LIMIT_WATTS, NodeMetric.GPU_POWER_LIMIT_MIN_WATTS,
      NodeMetric.GPU_POWER_LIMIT_MAX_WATTS),
  NODE_POWER_CAP("W", "set_node_power_cap", "node_power_cap_w", null,
      NodeMetric.NODE_POWER_CAP_WATTS, NodeMetric.NODE_POWER_CAP_MIN_WATTS,
      NodeMetric.NODE_POWER_CAP_MAX_WATTS);

  private final String unit;
  private final String commandType;
  private final String valueField;
  private final Device.Kind deviceKind;
  private final NodeMetric inForce;
  private final NodeMetric minimum;
  private final NodeMetric maximum;

  SetpointKind(String unit, String commandType, String valueField, Device.Kind deviceKind,
      NodeMetric inForce, NodeMetric minimum, NodeMetric maximum) {
    this.unit = unit;
    this.commandType = commandType;
    this.valueField = valueField;
    this.deviceKind = deviceKind;
    this.inForce = inForce;
    this.minimum = minimum;
    this.maximum = maximum;
  }

  public String unit() {
    return unit;
  }

  /** The {@code type} of the command on the wire, e.g. {@code set_cpu_freq_cap}. */
  public String commandType() {
    return commandType;
  }

  /** The field that carries the value on the wire, e.g. {@code cpu_freq_cap_mhz}. */
  public String valueField() {
    return valueField;
  }

  /** The kind of device each setpoint sits on; empty for a node-wide setpoint. */
  public Optional<Device.Kind> deviceKind() {
    return Optional.ofNullable(deviceKind);
  }

  /** The telemetry metric that reports the setpoint in force (at the setpoint's device). */
  public NodeMetric inForceMetric() {
    return inForce;
  }

  /** The telemetry metric that reports the hardware's lowest accepted value. */
  public NodeMetric minMetric() {
    return minimum;
  }

  /** The telemetry metric that reports the hardware's highest accepted value. */
  public NodeMetric maxMetric() {
    return maximum;
  }

  /**
   * Checks that {@code device} is where this setpoint sits: none for a node-wide setpoint, a
   * device of {@link #deviceKind()} otherwise.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public Optional<Device> requireDevice(Optional<Device> device) {
    Objects.requireNonNull(device, "device");
    boolean fits = device.isEmpty() ? deviceKind == null
        : device.get().kind() == deviceKind;
    if (!fits) {
      throw new IllegalArgumentException(commandType + " is set "
          + (deviceKind == null ? "for the whole node, not on " + device.get()
              : "on one " + deviceKind.wireName() + " (give its index), not "
                  + Device.describe(device)));
    }
    return device;
  }

  public static Optional<SetpointKind> fromCommandType(String type) {
    for (SetpointKind kind : values()) {
      if (kind.commandType.equals(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
