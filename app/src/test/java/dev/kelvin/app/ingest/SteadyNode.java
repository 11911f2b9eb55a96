package dev.kelvin.app.ingest;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.port.NodeHardware;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node with no setpoints whose every sample succeeds and is counted, until the test stops
 * it: from then on sampling fails, so its agent makes no more readings (it skips the tick) and
 * what it made can be counted exactly.
 */
final class SteadyNode implements NodeHardware {
  private final NodeId node;
  private final AtomicLong samples = new AtomicLong();
  private final AtomicBoolean stopped = new AtomicBoolean();

  SteadyNode(NodeId node) {
    this.node = node;
  }

  /** Samples taken: the readings the agent made, numbered 0 to this minus one. */
  long samples() {
    return samples.get();
  }

  void stop() {
    stopped.set(true);
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public RackId rack() {
    return RackId.of("r01");
  }

  @Override
  public Sample sample() {
    if (stopped.get()) {
      throw new HardwareException(node + ": the test stopped sampling");
    }
    long n = samples.getAndIncrement();
    return Sample.of(MetricValues.builder()
        .set(NodeMetric.POWER_WATTS, 300 + n % 50)
        .set(NodeMetric.CPU_TEMP_CELSIUS, 55 + n % 7)
        .set(NodeMetric.INLET_TEMP_CELSIUS, 24).build());
  }

  @Override
  public boolean supports(SetpointKind kind, Optional<Device> device) {
    return false;
  }

  @Override
  public SetpointLimits limits(SetpointKind kind, Optional<Device> device) {
    throw new HardwareException(node + " has no setpoint " + kind);
  }

  @Override
  public double apply(SetpointKind kind, Optional<Device> device, double value) {
    throw new HardwareException(node + " has no setpoint " + kind);
  }

  @Override
  public double read(SetpointKind kind, Optional<Device> device) {
    throw new HardwareException(node + " has no setpoint " + kind);
  }
}
