package dev.kelvin.agent;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.port.NodeHardware.SetpointLimits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a reading from one hardware sample, adding for every setpoint the hardware supports
 * the value in force and its limits (e.g. {@code gpu_power_limit_w} with its minimum and
 * maximum per GPU, {@code node_power_cap_w} for the node) where the sample does not carry them
 * already: what the safety guard checks a proposal against and reads a result back from. A
 * setpoint whose limits cannot be read is left out of that reading, so the guard refuses to
 * set it rather than set it blind.
 */
final class HardwareReadings {
  private static final Logger LOG = LoggerFactory.getLogger(HardwareReadings.class);

  private final NodeHardware hardware;

  HardwareReadings(NodeHardware hardware) {
    this.hardware = hardware;
  }

  NodeReading read(Instant at, long seq) {
    NodeHardware.Sample sample = hardware.sample();
    MetricValues node = withSetpoints(sample.node(), Optional.empty());
    SortedMap<Device, MetricValues> devices = new TreeMap<>(sample.devices());
    for (Device device : hardware.devices()) {
      MetricValues values = devices.getOrDefault(device, MetricValues.empty());
      MetricValues enriched = withSetpoints(values, Optional.of(device));
      if (!enriched.isEmpty()) {
        devices.put(device, enriched);
      }
    }
    return new NodeReading(hardware.node(), hardware.rack(), at, seq, node, devices);
  }

  private MetricValues withSetpoints(MetricValues values, Optional<Device> where) {
    MetricValues.Builder builder = values.toBuilder();
    for (SetpointKind kind : kindsAt(where)) {
      try {
        if (!hardware.supports(kind, where)) {
          continue;
        }
        SetpointLimits limits = hardware.limits(kind, where);
        fill(builder, values, kind.minMetric(), limits.min());
        fill(builder, values, kind.maxMetric(), limits.max());
        fill(builder, values, kind.inForceMetric(), hardware.read(kind, where));
      } catch (RuntimeException e) {
        LOG.debug("{}: could not read {} on {}: {}", hardware.node(), kind.valueField(),
            Device.describe(where), e.toString());
      }
    }
    return builder.build();
  }

  private static List<SetpointKind> kindsAt(Optional<Device> where) {
    List<SetpointKind> kinds = new ArrayList<>();
    for (SetpointKind kind : SetpointKind.values()) {
      if (kind.deviceKind().equals(where.map(Device::kind))) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  private static void fill(MetricValues.Builder builder, MetricValues sampled, NodeMetric metric,
      double value) {
    if (!sampled.has(metric)) {
      builder.set(metric, value);
    }
  }
}
