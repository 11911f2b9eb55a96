package dev.kelvin.policy.guard;

import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SetpointKind;
import java.util.List;
import java.util.Optional;

/**
 * The range of values a node's hardware accepts for a setpoint, in the setpoint's unit, as the
 * node's telemetry reports it: the {@link SetpointKind#minMetric()} and
 * {@link SetpointKind#maxMetric()} of the node, or of the device the setpoint sits on (a GPU's
 * power limit is checked against that GPU's own limits). A node that does not report them for
 * that place gets no such setpoint: a value the guard cannot check is a value it does not set.
 * Core's {@code NodeReading} already refuses a minimum above the maximum.
 */
record HardwareLimits(double min, double max) {
  /** Why the limits of {@code proposal}'s kind cannot be read from the node, if they cannot. */
  static Optional<String> unknown(SetpointAction proposal, NodeView view) {
    SetpointKind kind = proposal.kind();
    for (NodeMetric metric : List.of(kind.minMetric(), kind.maxMetric())) {
      if (view.latest(metric, proposal.device()).isEmpty()) {
        return Optional.of(proposal.node() + " reports no " + metric.wireName() + " for "
            + Device.describe(proposal.device()) + ": cannot check a " + kind.valueField()
            + " setpoint against the hardware's limits, so will not set one");
      }
    }
    return Optional.empty();
  }

  /** The limits on the node; only once {@link #unknown} found nothing wrong. */
  static HardwareLimits read(SetpointAction proposal, NodeView view) {
    SetpointKind kind = proposal.kind();
    return new HardwareLimits(view.latest(kind.minMetric(), proposal.device()).getAsDouble(),
        view.latest(kind.maxMetric(), proposal.device()).getAsDouble());
  }
}
