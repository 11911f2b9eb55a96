package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measurements Telegraf takes on the node itself: {@code cpu}, {@code mem}, {@code temp},
 * Intel's {@code powerstat_package} and {@code powerstat_core}. Per-core and per-package lines
 * combine into the node's figures (see {@link Aggregation}).
 */
final class HostMappings {
  /** coretemp's package sensors: coretemp_package_id_0(_input), coretemp_physicalid0 ... */
  private static final Pattern CORETEMP_PACKAGE =
      Pattern.compile("coretemp_(?:package|physical)_?id_?(\\d+)(?:_input)?");
  /** k10temp (AMD): the control and die temperatures of a socket. */
  private static final Pattern K10TEMP = Pattern.compile("k10temp_(?:tctl|tdie)(?:_input)?");
  private static final String CPU_TOTAL = "cpu-total";

  private HostMappings() {}

  /** {@code cpu,cpu=cpu-total usage_idle=...}: utilisation is 1 - idle. Per-CPU lines: none. */
  static void cpu(LineValues line) {
    if (!line.tag("cpu").filter(CPU_TOTAL::equals).isPresent()) {
      return;
    }
    OptionalDouble idle = line.percentAsRatio("usage_idle");
    if (idle.isPresent()) {
      line.node(NodeMetric.CPU_UTIL_RATIO, Aggregation.SET, "", 1 - idle.getAsDouble(),
          "usage_idle");
    }
  }

  /** {@code mem used_percent=...}. */
  static void mem(LineValues line) {
    OptionalDouble used = line.percentAsRatio("used_percent");
    if (used.isPresent()) {
      line.node(NodeMetric.MEM_USED_RATIO, Aggregation.SET, "", used.getAsDouble(),
          "used_percent");
    }
  }

  /** {@code temp,sensor=coretemp_package_id_0_input temp=...}: CPU package sensors only. */
  static void temp(LineValues line) {
    Optional<String> sensor = line.tag("sensor");
    if (sensor.isEmpty()) {
      return;
    }
    Matcher coretemp = CORETEMP_PACKAGE.matcher(sensor.get());
    boolean isPackage = coretemp.matches();
    if (!isPackage && !K10TEMP.matcher(sensor.get()).matches()) {
      return;
    }
    OptionalDouble celsius = line.number("temp", "°C");
    if (celsius.isEmpty()) {
      return;
    }
    line.node(NodeMetric.CPU_TEMP_CELSIUS, Aggregation.MAX, sensor.get(),
        celsius.getAsDouble(), "temp");
    if (isPackage) {
      line.device(packageOf(line, coretemp.group(1)), NodeMetric.CPU_TEMP_CELSIUS,
          Aggregation.MAX, sensor.get(), celsius.getAsDouble(), "temp");
    }
  }

  /** Package power (RAPL) per {@code package_id}, and their sum for the node. */
  static void powerstatPackage(LineValues line) {
    Optional<Device> socket = line.device(Device.Kind.CPU_PACKAGE, "package_id");
    OptionalDouble watts = line.number("current_power_consumption_watts", "W");
    if (socket.isEmpty() || watts.isEmpty()) {
      return;
    }
    String member = String.valueOf(socket.get().index());
    line.device(socket.get(), NodeMetric.CPU_POWER_WATTS, Aggregation.SET, member,
        watts.getAsDouble(), "current_power_consumption_watts");
    line.node(NodeMetric.CPU_POWER_WATTS, Aggregation.SUM, member, watts.getAsDouble(),
        "current_power_consumption_watts");
  }

  /**
   * Per logical CPU ({@code cpu_id}): the node's frequency is the mean over CPUs, its CPU
   * temperature the hottest core, and each package's the hottest of its cores.
   */
  static void powerstatCore(LineValues line) {
    String cpu = line.tag("cpu_id").orElse("");
    OptionalDouble mhz = line.number("cpu_frequency_mhz", "MHz");
    if (mhz.isPresent()) {
      line.node(NodeMetric.CPU_FREQ_MHZ, Aggregation.MEAN, cpu, mhz.getAsDouble(),
          "cpu_frequency_mhz");
    }
    OptionalDouble celsius = line.number("cpu_temperature_celsius", "°C");
    if (celsius.isPresent()) {
      line.node(NodeMetric.CPU_TEMP_CELSIUS, Aggregation.MAX, cpu, celsius.getAsDouble(),
          "cpu_temperature_celsius");
      Optional<Device> socket = line.device(Device.Kind.CPU_PACKAGE, "package_id");
      if (socket.isPresent()) {
        line.device(socket.get(), NodeMetric.CPU_TEMP_CELSIUS, Aggregation.MAX, cpu,
            celsius.getAsDouble(), "cpu_temperature_celsius");
      }
    }
  }

  private static Device packageOf(LineValues line, String index) {
    try {
      return Device.cpuPackage(Integer.parseInt(index));
    } catch (IllegalArgumentException tooLarge) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, "sensor", "line "
          + line.line().number() + ": temp sensor " + LineCursor.shown(index)
          + " names a CPU package beyond index " + Device.MAX_INDEX);
    }
  }
}
