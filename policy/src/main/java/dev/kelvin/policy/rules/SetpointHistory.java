package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * How long a node's power setpoints (CPU frequency cap, node power cap, GPU power limits) have
 * held, from its window of readings: the power rules change a setpoint only once the last
 * change has had its settle time to show in the node's power.
 */
final class SetpointHistory {
  private SetpointHistory() {}

  /**
   * Seconds from the newest reading in {@code window} whose setpoints differ from the latest
   * reading's to {@code now}; from the oldest reading when none differs (the readings reach no
   * further back).
   */
  static double heldSeconds(List<NodeReading> window, Instant now) {
    NodeReading latest = window.get(window.size() - 1);
    Instant since = window.get(0).at();
    for (int i = window.size() - 2; i >= 0; i--) {
      if (!sameSetpoints(window.get(i), latest)) {
        since = window.get(i + 1).at();
        break;
      }
    }
    return Duration.between(since, now).toMillis() / 1000.0;
  }

  private static boolean sameSetpoints(NodeReading a, NodeReading b) {
    return same(a.metrics(), b.metrics(), NodeMetric.CPU_FREQ_CAP_MHZ)
        && same(a.metrics(), b.metrics(), NodeMetric.NODE_POWER_CAP_WATTS)
        && sameGpuLimits(a.devices(Device.Kind.GPU), b.devices(Device.Kind.GPU));
  }

  private static boolean sameGpuLimits(SortedMap<Device, MetricValues> a,
      SortedMap<Device, MetricValues> b) {
    for (Map.Entry<Device, MetricValues> entry : b.entrySet()) {
      MetricValues before = a.get(entry.getKey());
      if (before != null
          && !same(before, entry.getValue(), NodeMetric.GPU_POWER_LIMIT_WATTS)) {
        return false;
      }
    }
    return true;
  }

  /** Equal, or not comparable because one reading lacks the metric. */
  private static boolean same(MetricValues a, MetricValues b, NodeMetric metric) {
    double x = a.getOrNaN(metric);
    double y = b.getOrNaN(metric);
    return Double.isNaN(x) || Double.isNaN(y) || Objects.equals(x, y);
  }
}
