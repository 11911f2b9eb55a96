package dev.kelvin.core.model;

import java.util.Optional;

/**
 * A hardware setpoint the controller can hold on a node under a lease: the unit it is in, the
 * command type and field names on the wire, and the metric that reads it back.
 */
public enum SetpointKind {
  CPU_FREQ_CAP("MHz", "set_cpu_freq_cap", "cpu_freq_cap_mhz", NodeMetric.CPU_FREQ_CAP_MHZ),
  GPU_POWER_LIMIT("W", "set_gpu_power_limit", "gpu_power_limit_w", null),
  NODE_POWER_CAP("W", "set_node_power_cap", "node_power_cap_w", null);

  private final String unit;
  private final String commandType;
  private final String valueField;
  private final NodeMetric readBack;

  SetpointKind(String unit, String commandType, String valueField, NodeMetric readBack) {
    this.unit = unit;
    this.commandType = commandType;
    this.valueField = valueField;
    this.readBack = readBack;
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

  /** The telemetry metric that reports the setpoint in force, where there is one. */
  public Optional<NodeMetric> readBackMetric() {
    return Optional.ofNullable(readBack);
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
