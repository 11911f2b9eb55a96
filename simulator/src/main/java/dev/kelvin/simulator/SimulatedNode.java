package dev.kelvin.simulator;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a {@link SimulatedSite}, seen through core's {@link NodeHardware} port exactly as
 * the node agent sees a real node. It holds one setpoint, the node-wide CPU frequency cap; a
 * cap applied now governs the next physics step. Thread-safe: every call holds the site's lock,
 * so agent threads may sample and apply while the site advances.
 */
public final class SimulatedNode implements NodeHardware {
  private final Object lock;
  private final NodeId node;
  private final RackId rack;
  private final NodeSpec spec;
  private final NodeDynamics dynamics;

  SimulatedNode(Object lock, NodeId node, RackId rack, NodeSpec spec, NodeDynamics dynamics) {
    this.lock = Objects.requireNonNull(lock, "lock");
    this.node = Objects.requireNonNull(node, "node");
    this.rack = Objects.requireNonNull(rack, "rack");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.dynamics = Objects.requireNonNull(dynamics, "dynamics");
  }

  @Override
  public NodeId node() {
    return node;
  }

  @Override
  public RackId rack() {
    return rack;
  }

  /** The node's hardware spec. */
  public NodeSpec spec() {
    return spec;
  }

  /**
   * The sensors after the latest physics step: power, CPU temperature and limit, inlet,
   * utilisation, clock, the cap in force with the clock's range, and the corrected memory error
   * counter ({@code ecc_correctable_total}, a low background rate: no failure is simulated).
   */
  @Override
  public Sample sample() {
    synchronized (lock) {
      return Sample.of(dynamics.sample());
    }
  }

  /** The noise-free state after the latest physics step. */
  public NodeState state() {
    synchronized (lock) {
      return dynamics.state();
    }
  }

  @Override
  public boolean supports(SetpointKind kind, Optional<Device> device) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(device, "device");
    return kind == SetpointKind.CPU_FREQ_CAP && device.isEmpty();
  }

  @Override
  public SetpointLimits limits(SetpointKind kind, Optional<Device> device) {
    requireSupported(kind, device);
    return new SetpointLimits(spec.minMhz(), spec.maxMhz(), spec.maxMhz());
  }

  /**
   * Sets the CPU frequency cap for the next physics step. A value outside the hardware range
   * is clamped into it, as cpufreq clamps {@code scaling_max_freq}; the clamped cap is returned.
   *
   * @throws HardwareException for a setpoint other than the node-wide CPU cap, or a value that
   *     is not a finite number of MHz
   */
  @Override
  public double apply(SetpointKind kind, Optional<Device> device, double value) {
    requireSupported(kind, device);
    if (!Double.isFinite(value)) {
      throw new HardwareException(node + " refused cpu_freq_cap_mhz " + value
          + ": the cap must be a finite number of MHz within " + spec.minMhz() + ".."
          + spec.maxMhz() + " MHz");
    }
    synchronized (lock) {
      return dynamics.applyCap(value);
    }
  }

  @Override
  public double read(SetpointKind kind, Optional<Device> device) {
    requireSupported(kind, device);
    synchronized (lock) {
      return dynamics.capMhz();
    }
  }

  private void requireSupported(SetpointKind kind, Optional<Device> device) {
    if (supports(kind, device)) {
      return;
    }
    if (kind == SetpointKind.CPU_FREQ_CAP) {
      throw new HardwareException("the CPU frequency cap of simulated node " + node
          + " is node-wide, but a command named " + device.get()
          + ": send it without a device");
    }
    throw new HardwareException("simulated node " + node + " has no " + kind + " setpoint:"
        + " the simulator models the CPU frequency cap only (check supports() first)");
  }
}
