package dev.kelvin.core.model;

import static dev.kelvin.core.model.NodeMetric.Scope.GPU_ONLY;
import static dev.kelvin.core.model.NodeMetric.Scope.NODE;
import static dev.kelvin.core.model.NodeMetric.Scope.NODE_AND_CPU;
import static dev.kelvin.core.model.NodeMetric.Scope.NODE_AND_GPU;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.util.Locale;
import java.util.Optional;

/**
 * The measurements a node reading may carry, each with its unit, its wire name, the physical
 * range Kelvin accepts, the mistake a value outside that range most likely comes from, and
 * where it may be reported: for the whole node, per device (a GPU, a CPU package), or both
 * (a GPU's power per GPU, and the node's GPUs together at node level).
 * Units inside Kelvin are watts, degrees Celsius, MHz and ratios 0-1; senders convert at the
 * boundary (cpufreq's kHz, hwmon's millidegrees, RAPL's microjoules).
 */
public enum NodeMetric {
  POWER_WATTS("power_w", "W", 0, 20_000, NODE,
      "above 20 kW is likely milliwatts; a negative value is likely a missing reading sent as -1"),
  CPU_POWER_WATTS("cpu_power_w", "W", 0, 5_000, NODE_AND_CPU,
      "above 5 kW is likely milliwatts, or microjoules from RAPL's energy counter not turned"
          + " into a rate"),
  CPU_TEMP_CELSIUS("cpu_temp_c", "°C", -20, 150, NODE_AND_CPU,
      "above 150 °C is likely millidegrees as hwmon reports them (divide by 1000) or Fahrenheit"),
  CPU_TEMP_LIMIT_CELSIUS("cpu_temp_limit_c", "°C", 30, 150, NODE,
      "a limit outside 30-150 °C is likely millidegrees or a missing value sent as 0"),
  INLET_TEMP_CELSIUS("inlet_temp_c", "°C", -20, 70, NODE,
      "above 70 °C is likely Fahrenheit or millidegrees"),
  CPU_UTIL_RATIO("cpu_util", "ratio", 0, 1, NODE,
      "above 1 is likely a percentage (divide by 100)"),
  CPU_FREQ_MHZ("cpu_freq_mhz", "MHz", 1, 10_000, NODE,
      "above 10000 MHz is likely kHz as cpufreq reports it (divide by 1000)"),
  CPU_FREQ_CAP_MHZ("cpu_freq_cap_mhz", "MHz", 1, 10_000, NODE,
      "above 10000 MHz is likely kHz as cpufreq's scaling_max_freq reports it (divide by 1000)"),
  CPU_FREQ_MIN_MHZ("cpu_freq_min_mhz", "MHz", 1, 10_000, NODE,
      "above 10000 MHz is likely kHz as cpuinfo_min_freq reports it (divide by 1000)"),
  CPU_FREQ_MAX_MHZ("cpu_freq_max_mhz", "MHz", 1, 10_000, NODE,
      "above 10000 MHz is likely kHz as cpuinfo_max_freq reports it (divide by 1000)"),
  NODE_POWER_CAP_WATTS("node_power_cap_w", "W", 1, 20_000, NODE,
      "above 20 kW is likely milliwatts or microwatts as RAPL's constraint files hold them"),
  NODE_POWER_CAP_MIN_WATTS("node_power_cap_min_w", "W", 1, 20_000, NODE,
      "above 20 kW is likely milliwatts or microwatts"),
  NODE_POWER_CAP_MAX_WATTS("node_power_cap_max_w", "W", 1, 20_000, NODE,
      "above 20 kW is likely milliwatts or microwatts"),
  GPU_POWER_WATTS("gpu_power_w", "W", 0, 10_000, NODE_AND_GPU,
      "above 10 kW is likely milliwatts as NVML reports them (divide by 1000)"),
  GPU_TEMP_CELSIUS("gpu_temp_c", "°C", -20, 150, NODE_AND_GPU,
      "above 150 °C is likely millidegrees or Fahrenheit"),
  GPU_UTIL_RATIO("gpu_util", "ratio", 0, 1, NODE_AND_GPU,
      "above 1 is likely a percentage as nvidia-smi prints it (divide by 100)"),
  GPU_POWER_LIMIT_WATTS("gpu_power_limit_w", "W", 1, 5_000, GPU_ONLY,
      "above 5 kW is likely milliwatts as NVML reports them (divide by 1000)"),
  GPU_POWER_LIMIT_MIN_WATTS("gpu_power_limit_min_w", "W", 1, 5_000, GPU_ONLY,
      "above 5 kW is likely milliwatts as NVML's constraints report them (divide by 1000)"),
  GPU_POWER_LIMIT_MAX_WATTS("gpu_power_limit_max_w", "W", 1, 5_000, GPU_ONLY,
      "above 5 kW is likely milliwatts as NVML's constraints report them (divide by 1000)"),
  ECC_CORRECTABLE_TOTAL("ecc_correctable_total", "count", 0, 1e15, NODE_AND_GPU,
      "a counter never goes negative; a negative value is likely a missing reading sent as -1"),
  ECC_UNCORRECTABLE_TOTAL("ecc_uncorrectable_total", "count", 0, 1e15, NODE_AND_GPU,
      "a counter never goes negative; a negative value is likely a missing reading sent as -1"),
  /**
   * The share of CPU time stalled on memory or I/O (perf's top-down "memory bound" on real
   * nodes): work that a lower clock does not slow.
   */
  CPU_MEM_BOUND_RATIO("cpu_mem_bound_ratio", "ratio", 0, 1, NODE,
      "above 1 is likely a percentage as perf prints it (divide by 100)"),
  /** The share of the node's memory in use (Telegraf's {@code mem.used_percent} / 100). */
  MEM_USED_RATIO("mem_used_ratio", "ratio", 0, 1, NODE,
      "above 1 is likely a percentage as Telegraf's mem plugin reports used_percent"
          + " (divide by 100)");

  private final String wireName;
  private final String unit;
  private final double min;
  private final double max;
  private final String likelyCause;
  private final Scope scope;

  NodeMetric(String wireName, String unit, double min, double max, Scope scope,
      String likelyCause) {
    this.wireName = wireName;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.scope = scope;
    this.likelyCause = likelyCause;
  }

  /** Where a metric may be reported: for the whole node, per device, or both. */
  enum Scope {
    NODE(true, null), NODE_AND_CPU(true, Device.Kind.CPU_PACKAGE),
    NODE_AND_GPU(true, Device.Kind.GPU), GPU_ONLY(false, Device.Kind.GPU);

    private final boolean node;
    private final Device.Kind device;

    Scope(boolean node, Device.Kind device) {
      this.node = node;
      this.device = device;
    }
  }

  /** Whether the metric may be reported for the whole node (for a node total, say). */
  public boolean atNode() {
    return scope.node;
  }

  /** Whether the metric may be reported for a device of {@code kind}. */
  public boolean on(Device.Kind kind) {
    return scope.device == kind;
  }

  /** The wire name of the device kind the metric may be reported for, e.g. {@code gpus}. */
  String deviceKindName() {
    return scope.device == null ? "node" : scope.device.listName();
  }

  /** Whether the metric may be reported at {@code where}: the node, or one of its devices. */
  public boolean allowedAt(java.util.Optional<Device> where) {
    return where.isEmpty() ? atNode() : on(where.get().kind());
  }

  /** The field name in Kelvin JSON, in InfluxDB and in the dashboard's API. */
  public String wireName() {
    return wireName;
  }

  public String unit() {
    return unit;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** The metric whose wire name is {@code wireName}, if any. */
  public static Optional<NodeMetric> fromWireName(String wireName) {
    for (NodeMetric metric : values()) {
      if (metric.wireName.equals(wireName)) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns {@code value} when it is finite and in range.
   *
   * @throws ValidationException naming the field, the unit, the value and a likely cause
   */
  public double check(double value) {
    if (!Double.isFinite(value)) {
      throw new ValidationException(RejectReason.NOT_FINITE, wireName,
          wireName + " must be a finite number of " + unit + ", was " + value
              + " (send no field at all when the sensor has no reading)");
    }
    if (value < min || value > max) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, wireName,
          String.format(Locale.ROOT, "%s must be within %s..%s %s, was %s: %s",
              wireName, plain(min), plain(max), unit, plain(value), likelyCause));
    }
    return value;
  }

  private static String plain(double value) {
    return Numbers.plain(value, 6);
  }
}
