package dev.kelvin.core.model;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One reading from one node at one instant. {@code seq} is the sender's sequence number, used
 * with {@code at} to drop duplicates. The measurements are in {@code metrics}, each in the unit
 * its {@link NodeMetric} names; absent ones are absent, never 0.
 */
public record NodeReading(NodeId node, RackId rack, Instant at, long seq, MetricValues metrics) {
  public NodeReading {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(rack, "rack");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(metrics, "metrics");
    if (seq < 0) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, "seq",
          "seq must be >= 0, was " + seq + " (a sender counter that wrapped or was sent signed?)");
    }
    if (metrics.isEmpty()) {
      throw new ValidationException(RejectReason.MISSING_FIELD, "metrics",
          "a reading from " + node + " carries no measurement: send at least one of "
              + java.util.Arrays.toString(wireNames()));
    }
    requireOrdered(metrics, NodeMetric.CPU_FREQ_MIN_MHZ, NodeMetric.CPU_FREQ_MAX_MHZ);
  }

  public OptionalDouble powerWatts() {
    return metrics.get(NodeMetric.POWER_WATTS);
  }

  public OptionalDouble cpuTempCelsius() {
    return metrics.get(NodeMetric.CPU_TEMP_CELSIUS);
  }

  public OptionalDouble cpuFreqMhz() {
    return metrics.get(NodeMetric.CPU_FREQ_MHZ);
  }

  public OptionalDouble cpuFreqCapMhz() {
    return metrics.get(NodeMetric.CPU_FREQ_CAP_MHZ);
  }

  public OptionalDouble cpuUtilRatio() {
    return metrics.get(NodeMetric.CPU_UTIL_RATIO);
  }

  private static void requireOrdered(MetricValues metrics, NodeMetric low, NodeMetric high) {
    if (metrics.has(low) && metrics.has(high)
        && metrics.getOrNaN(low) > metrics.getOrNaN(high)) {
      throw new ValidationException(RejectReason.INCONSISTENT, low.wireName(),
          low.wireName() + " (" + metrics.getOrNaN(low) + " " + low.unit() + ") is above "
              + high.wireName() + " (" + metrics.getOrNaN(high) + " " + high.unit()
              + "): the two fields are likely swapped");
    }
  }

  private static String[] wireNames() {
    NodeMetric[] metrics = NodeMetric.values();
    String[] names = new String[metrics.length];
    for (int i = 0; i < metrics.length; i++) {
      names[i] = metrics[i].wireName();
    }
    return names;
  }
}
