package dev.kelvin.simulator;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a simulated site, played by a live agent: every sample and every setpoint change
 * first runs the site's physics up to the clock. No thread wakes between samples to move the
 * physics, which is what keeps an idle {@code kelvin agent --simulated} near the cost of one
 * on real hardware; a cap applied between samples takes effect from the step it was applied
 * in, not retroactively. For a site of many nodes driven by one ticker (the demo), use the
 * {@link SimulatedNode}s directly.
 */
public final class SelfAdvancingNode implements NodeHardware {
  private final SimulatedSite site;
  private final SimulatedNode node;
  private final InstantSource clock;

  /**
   * @throws IllegalArgumentException when {@code site} has no node {@code id}
   */
  public SelfAdvancingNode(SimulatedSite site, NodeId id, InstantSource clock) {
    this.site = Objects.requireNonNull(site, "site");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.node = site.node(id).orElseThrow(() -> new IllegalArgumentException(
        "the simulated site has no node " + id + "; it has " + site.nodes().stream()
            .map(SimulatedNode::node).toList()));
  }

  @Override
  public NodeId node() {
    return node.node();
  }

  @Override
  public RackId rack() {
    return node.rack();
  }

  @Override
  public List<Device> devices() {
    return node.devices();
  }

  /** The sensors after the physics has run up to the clock. */
  @Override
  public Sample sample() {
    site.advanceTo(clock.instant());
    return node.sample();
  }

  @Override
  public boolean supports(SetpointKind kind, Optional<Device> device) {
    return node.supports(kind, device);
  }

  @Override
  public SetpointLimits limits(SetpointKind kind, Optional<Device> device) {
    return node.limits(kind, device);
  }

  /** Runs the physics up to the clock under the old setpoint, then applies the new one. */
  @Override
  public double apply(SetpointKind kind, Optional<Device> device, double value) {
    site.advanceTo(clock.instant());
    return node.apply(kind, device, value);
  }

  @Override
  public double read(SetpointKind kind, Optional<Device> device) {
    return node.read(kind, device);
  }
}
