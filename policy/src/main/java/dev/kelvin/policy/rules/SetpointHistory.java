package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long a node's power setpoints (CPU frequency cap, node power cap, GPU power limits) have
 * held, from its window of readings: the power rules change a setpoint only once the last
 * change has had its settle time to show in the node's power. {@link WindowScans} keeps the
 * scan's result from one tick to the next; these are the scans themselves.
 */
final class SetpointHistory {
  private SetpointHistory() {}

  /**
   * Seconds from the newest reading in {@code window} whose setpoints differ from the latest
   * reading's to {@code now}; from the oldest reading when none differs (the readings reach no
   * further back).
   */
  static double heldSeconds(List<NodeReading> window, Instant now) {
    Setpoints latest = Setpoints.of(window.get(window.size() - 1));
    int differing = newestDiffering(window, 0, window.size() - 1, latest);
    Instant since = window.get(differing + 1).at();
    return Duration.between(since, now).toMillis() / 1000.0;
  }

  /**
   * The index of the newest reading among {@code window[from..to)} whose setpoints differ from
   * {@code latest}, or {@code from - 1} when none does.
   */
  static int newestDiffering(List<NodeReading> window, int from, int to, Setpoints latest) {
    for (int i = to - 1; i >= from; i--) {
      if (!latest.sameAs(window.get(i))) {
        return i;
      }
    }
    return from - 1;
  }

  /**
   * The index of the newest reading among {@code window[from..to)} that reports a CPU cap
   * other than {@code capMhz}, or {@code from - 1} when none does (or {@code capMhz} is NaN).
   */
  static int newestCapDiffering(List<NodeReading> window, int from, int to, double capMhz) {
    for (int i = to - 1; i >= from && !Double.isNaN(capMhz); i--) {
      double cap = window.get(i).metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ);
      if (!Double.isNaN(cap) && cap != capMhz) {
        return i;
      }
    }
    return from - 1;
  }

  /**
   * A reading's setpoints, read once so that a scan back through a window compares plain
   * numbers and builds nothing per reading. NaN where the reading lacks one.
   */
  record Setpoints(double cpuCapMhz, double nodeCapWatts, Device[] gpus,
      double[] gpuLimitsWatts) {
    private static final Device[] NO_GPUS = new Device[0];
    private static final double[] NO_LIMITS = new double[0];

    static Setpoints of(NodeReading reading) {
      double cpuCapMhz = reading.metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ);
      double nodeCapWatts = reading.metrics().getOrNaN(NodeMetric.NODE_POWER_CAP_WATTS);
      if (reading.devices().isEmpty()) {
        return new Setpoints(cpuCapMhz, nodeCapWatts, NO_GPUS, NO_LIMITS);
      }
      Device[] gpus = new Device[reading.devices().size()];
      double[] limits = new double[gpus.length];
      int count = 0;
      for (Map.Entry<Device, MetricValues> device : reading.devices().entrySet()) {
        double limit = device.getValue().getOrNaN(NodeMetric.GPU_POWER_LIMIT_WATTS);
        if (device.getKey().kind() == Device.Kind.GPU && !Double.isNaN(limit)) {
          gpus[count] = device.getKey();
          limits[count++] = limit;
        }
      }
      return new Setpoints(cpuCapMhz, nodeCapWatts, Arrays.copyOf(gpus, count),
          Arrays.copyOf(limits, count));
    }

    /** Whether {@code reading} holds the same setpoints, where both report them. */
    boolean sameAs(NodeReading reading) {
      if (!same(reading.metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ), cpuCapMhz)
          || !same(reading.metrics().getOrNaN(NodeMetric.NODE_POWER_CAP_WATTS), nodeCapWatts)) {
        return false;
      }
      for (int g = 0; g < gpus.length; g++) {
        MetricValues before = reading.devices().get(gpus[g]);
        if (before != null
            && !same(before.getOrNaN(NodeMetric.GPU_POWER_LIMIT_WATTS), gpuLimitsWatts[g])) {
          return false;
        }
      }
      return true;
    }

    /**
     * Whether {@code other} holds exactly these values, absent ones included: then every
     * older reading compares with both alike, and a scan's result for one holds for the other.
     */
    boolean identical(Setpoints other) {
      return Double.compare(cpuCapMhz, other.cpuCapMhz) == 0
          && Double.compare(nodeCapWatts, other.nodeCapWatts) == 0
          && Arrays.equals(gpus, other.gpus) && Arrays.equals(gpuLimitsWatts, other.gpuLimitsWatts);
    }

    /** Equal, or not comparable because one reading lacks the value. */
    private static boolean same(double x, double y) {
      return Double.isNaN(x) || Double.isNaN(y) || Double.compare(x, y) == 0;
    }
  }
}
