package dev.kelvin.core.model;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One reading from one node at one instant. {@code seq} is the sender's sequence number, used
 * with {@code at} to drop duplicates. The node's own measurements are in {@code metrics} and
 * each device's (GPU, CPU package) in {@code devices}, each value in the unit its
 * {@link NodeMetric} names and only where that metric may be reported; absent ones are absent,
 * never 0.
 */
public record NodeReading(NodeId node, RackId rack, Instant at, long seq, MetricValues metrics,
    SortedMap<Device, MetricValues> devices) {
  /** The devices of a node-level reading: one shared empty map, not one per reading. */
  private static final SortedMap<Device, MetricValues> NO_DEVICES =
      Collections.unmodifiableSortedMap(new TreeMap<>());

  public NodeReading {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(rack, "rack");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(metrics, "metrics");
    devices = devices.isEmpty() ? NO_DEVICES
        : Collections.unmodifiableSortedMap(new TreeMap<>(devices));
    if (seq < 0) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, "seq",
          "seq must be >= 0, was " + seq + " (a sender counter that wrapped or was sent signed?)");
    }
    if (metrics.isEmpty() && devices.isEmpty()) {
      throw new ValidationException(RejectReason.MISSING_FIELD, "metrics",
          "a reading from " + node + " carries no measurement: send at least one of "
              + java.util.Arrays.toString(wireNames()));
    }
    MetricChecks.requireValid(metrics, Optional.empty());
    devices.forEach((device, values) -> MetricChecks.requireValid(values, Optional.of(device)));
  }

  /** A reading with node-level metrics only. */
  public NodeReading(NodeId node, RackId rack, Instant at, long seq, MetricValues metrics) {
    this(node, rack, at, seq, metrics, new TreeMap<>());
  }

  /** The value of {@code metric} for the node, or for {@code device} when one is given. */
  public OptionalDouble get(NodeMetric metric, Optional<Device> device) {
    if (device.isEmpty()) {
      return metrics.get(metric);
    }
    MetricValues values = devices.get(device.get());
    return values == null ? OptionalDouble.empty() : values.get(metric);
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

  /** The readings of devices of {@code kind}, by device, in index order. */
  public SortedMap<Device, MetricValues> devices(Device.Kind kind) {
    SortedMap<Device, MetricValues> out = new TreeMap<>();
    for (Map.Entry<Device, MetricValues> entry : devices.entrySet()) {
      if (entry.getKey().kind() == kind) {
        out.put(entry.getKey(), entry.getValue());
      }
    }
    return out;
  }

  private static String[] wireNames() {
    NodeMetric[] all = NodeMetric.values();
    String[] names = new String[all.length];
    for (int i = 0; i < all.length; i++) {
      names[i] = all[i].wireName();
    }
    return names;
  }
}
