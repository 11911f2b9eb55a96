package dev.kelvin.policy.rules;

import dev.kelvin.core.action.Fact;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The thermal state of one node's CPUs as the rules see it: its temperature and limit, the
 * frequency cap in force with the hardware's range, and what the node's recent readings say
 * about settling: whether the cap changed within the settle time ({@code capSettled} is false
 * then), the hottest the CPU was over that time, and whether the readings reach back that far.
 * Where the node reports no limit, {@code limitCelsius} is the configured default; where it
 * reports no cap, the cap is its maximum.
 */
public record NodeThermalFact(NodeId node, boolean stale, double cpuTempCelsius,
    double limitCelsius, boolean limitReported, double capMhz, boolean capReported,
    double minMhz, double maxMhz, boolean capSettled, double peakCpuTempCelsius,
    boolean historyCoversSettle) {

  /**
   * The fact for {@code view}, or empty when the node does not report what the thermal rules
   * need: {@code cpu_temp_c}, {@code cpu_freq_min_mhz} and {@code cpu_freq_max_mhz}.
   */
  public static Optional<NodeThermalFact> of(NodeView view, double defaultLimitCelsius,
      Duration settleTime) {
    return of(view, defaultLimitCelsius, settleTime, new WindowScans());
  }

  /** As {@link #of(NodeView, double, Duration)}, the window read through {@code scans}. */
  public static Optional<NodeThermalFact> of(NodeView view, double defaultLimitCelsius,
      Duration settleTime, WindowScans scans) {
    OptionalDouble temp = view.latest(NodeMetric.CPU_TEMP_CELSIUS);
    OptionalDouble min = view.latest(NodeMetric.CPU_FREQ_MIN_MHZ);
    OptionalDouble max = view.latest(NodeMetric.CPU_FREQ_MAX_MHZ);
    if (temp.isEmpty() || min.isEmpty() || max.isEmpty()) {
      return Optional.empty();
    }
    OptionalDouble limit = view.latest(NodeMetric.CPU_TEMP_LIMIT_CELSIUS);
    OptionalDouble cap = view.latest(NodeMetric.CPU_FREQ_CAP_MHZ);
    WindowScans.Settling settling = scans.settling(view, settleTime);
    return Optional.of(new NodeThermalFact(view.id(), view.stale(), temp.getAsDouble(),
        limit.orElse(defaultLimitCelsius), limit.isPresent(), cap.orElse(max.getAsDouble()),
        cap.isPresent(), min.getAsDouble(), max.getAsDouble(), settling.capSettled(),
        settling.peakCpuTempCelsius(), settling.coversSettleTime()));
  }

  /** The observations an action based on this fact carries, with their units. */
  public List<Fact> evidence() {
    return List.of(
        new Fact(NodeMetric.CPU_TEMP_CELSIUS.wireName(), cpuTempCelsius, "°C"),
        new Fact("cpu_temp_peak_c", peakCpuTempCelsius, "°C"),
        new Fact(NodeMetric.CPU_TEMP_LIMIT_CELSIUS.wireName(), limitCelsius, "°C"),
        new Fact(NodeMetric.CPU_FREQ_CAP_MHZ.wireName(), capMhz, "MHz"),
        new Fact(NodeMetric.CPU_FREQ_MIN_MHZ.wireName(), minMhz, "MHz"),
        new Fact(NodeMetric.CPU_FREQ_MAX_MHZ.wireName(), maxMhz, "MHz"));
  }
}
