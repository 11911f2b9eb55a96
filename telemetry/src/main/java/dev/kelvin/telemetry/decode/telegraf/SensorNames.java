package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.NodeMetric;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a BMC sensor measures, judged by its name: the names IPMI ({@code ipmi_sensor}, which
 * Telegraf lower-cases with spaces turned into '_') and Redfish ({@code name} tag as the BMC
 * gives it) use for the inlet temperature, the CPU temperatures and the node's power across
 * common vendors (Dell iDRAC, HPE iLO, Lenovo XCC, Supermicro, Intel, DCMI). Names it does not
 * know are not measured; operators add theirs with {@code sensor_names}. Thread-safe.
 */
final class SensorNames {

  /** What a sensor measures, with the metric it feeds and how several sensors combine. */
  enum Role {
    INLET_TEMP(NodeMetric.INLET_TEMP_CELSIUS, Aggregation.MAX),
    CPU_TEMP(NodeMetric.CPU_TEMP_CELSIUS, Aggregation.MAX),
    NODE_POWER(NodeMetric.POWER_WATTS, Aggregation.SET),
    CPU_POWER(NodeMetric.CPU_POWER_WATTS, Aggregation.SUM);

    private final NodeMetric metric;
    private final Aggregation aggregation;

    Role(NodeMetric metric, Aggregation aggregation) {
      this.metric = metric;
      this.aggregation = aggregation;
    }

    NodeMetric metric() {
      return metric;
    }

    Aggregation aggregation() {
      return aggregation;
    }

    boolean temperature() {
      return this == INLET_TEMP || this == CPU_TEMP;
    }

    /** The role that feeds the metric with wire name {@code wireName}, if any. */
    static Optional<Role> fromWireName(String wireName) {
      for (Role role : values()) {
        if (role.metric.wireName().equals(wireName)) {
          return Optional.of(role);
        }
      }
      return Optional.empty();
    }
  }

  private static final Pattern INLET = Pattern.compile(".*(inlet|ambient).*");
  private static final Pattern NOT_INLET = Pattern.compile(".*(exhaust|outlet).*");
  /** cpu, cpu1, cpu_1, 02-cpu_1, cpu1_temp, cpu_temp, proc_1_temp, cpu0_package_temp ... */
  private static final Pattern CPU_TEMP = Pattern.compile(
      "(\\d+-)?(cpu|proc|processor)_?\\d*(_(die|package|pkg))?(_temp(erature)?)?");
  /** cpu_power, cpu1_power, cpu_1_power */
  private static final Pattern CPU_POWER = Pattern.compile("(cpu|proc)_?\\d*_power");
  private static final Set<String> NODE_POWER = Set.of("pwr_consumption", "power_consumption",
      "pw_consumption", "total_power", "sys_power", "system_power", "power_meter",
      "instantaneous_power_reading", "avg_power", "node_power", "total_power_consumption");
  /** The IPMI entity id of a processor (IPMI 2.0, table 43-13): Dell names its CPU sensors "Temp". */
  private static final String PROCESSOR_ENTITY = "3.";

  private final Map<String, Role> extra;

  /** @param extra sensor names (as {@link #normalized}) the operator maps, before the defaults */
  SensorNames(Map<String, Role> extra) {
    this.extra = Map.copyOf(extra);
  }

  /**
   * The role of the sensor named {@code name}, or empty when it is not one Kelvin reads.
   *
   * @param entityId the IPMI entity id ({@code ipmi_sensor} metric_version 2), if known
   */
  Optional<Role> roleOf(String name, Optional<String> entityId) {
    String key = normalized(name);
    Role chosen = extra.get(key);
    if (chosen != null) {
      return Optional.of(chosen);
    }
    if (INLET.matcher(key).matches() && !NOT_INLET.matcher(key).matches()) {
      return Optional.of(Role.INLET_TEMP);
    }
    if (CPU_TEMP.matcher(key).matches() || key.equals("temp")
        && entityId.filter(id -> id.startsWith(PROCESSOR_ENTITY)).isPresent()) {
      return Optional.of(Role.CPU_TEMP);
    }
    if (NODE_POWER.contains(key)) {
      return Optional.of(Role.NODE_POWER);
    }
    return CPU_POWER.matcher(key).matches() ? Optional.of(Role.CPU_POWER) : Optional.empty();
  }

  /** Lower case, trimmed, spaces as '_': how Telegraf's ipmi_sensor writes sensor names. */
  static String normalized(String name) {
    return name.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
