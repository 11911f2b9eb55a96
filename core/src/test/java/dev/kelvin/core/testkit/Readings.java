package dev.kelvin.core.testkit;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.RackId;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Builds readings for tests with plausible defaults: a 2-socket server at 300 W, 60 °C with an
 * 85 °C limit, 2600 MHz of 1200-3000 MHz, uncapped, 50 % busy, 24 °C inlet.
 */
public final class Readings {
  private NodeId node = NodeId.of("site-a", "n01");
  private RackId rack = RackId.of("r1");
  private Instant at = MutableClock.START;
  private long seq = 1;
  private final TreeMap<Device, MetricValues> devices = new TreeMap<>();
  private final MetricValues.Builder metrics = MetricValues.builder()
      .set(NodeMetric.POWER_WATTS, 300)
      .set(NodeMetric.CPU_TEMP_CELSIUS, 60)
      .set(NodeMetric.CPU_TEMP_LIMIT_CELSIUS, 85)
      .set(NodeMetric.INLET_TEMP_CELSIUS, 24)
      .set(NodeMetric.CPU_UTIL_RATIO, 0.5)
      .set(NodeMetric.CPU_FREQ_MHZ, 2600)
      .set(NodeMetric.CPU_FREQ_CAP_MHZ, 3000)
      .set(NodeMetric.CPU_FREQ_MIN_MHZ, 1200)
      .set(NodeMetric.CPU_FREQ_MAX_MHZ, 3000);

  private Readings() {}

  public static Readings reading() {
    return new Readings();
  }

  public Readings node(NodeId value) {
    node = value;
    return this;
  }

  public Readings node(String name) {
    node = NodeId.of("site-a", name);
    return this;
  }

  public Readings rack(String value) {
    rack = RackId.of(value);
    return this;
  }

  public Readings at(Instant value) {
    at = value;
    return this;
  }

  public Readings seq(long value) {
    seq = value;
    return this;
  }

  public Readings with(NodeMetric metric, double value) {
    metrics.set(metric, value);
    return this;
  }

  public Readings without(NodeMetric metric) {
    metrics.clear(metric);
    return this;
  }

  /** Adds (or replaces) the metrics of {@code device}. */
  public Readings device(Device device, MetricValues values) {
    devices.put(device, values);
    return this;
  }

  public NodeReading build() {
    return new NodeReading(node, rack, at, seq, metrics.build(), devices);
  }
}
