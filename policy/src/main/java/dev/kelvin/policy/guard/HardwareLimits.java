package dev.kelvin.policy.guard;

import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SetpointKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The range of values a node's hardware accepts for a setpoint, in the setpoint's unit, as the
 * node's telemetry reports it. Only the kinds in {@code METRICS} have limits Kelvin can read;
 * for the others (today a GPU power limit and a node power cap, whose limits no agent reports)
 * the guard knows no range, and a value it cannot check is a value it does not set. Core's
 * {@code NodeReading} already refuses a minimum above the maximum.
 */
record HardwareLimits(double min, double max) {
  /** The telemetry metrics that carry the lowest and the highest value of each kind. */
  private static final Map<SetpointKind, List<NodeMetric>> METRICS = Map.of(
      SetpointKind.CPU_FREQ_CAP,
      List.of(NodeMetric.CPU_FREQ_MIN_MHZ, NodeMetric.CPU_FREQ_MAX_MHZ));

  /** Why the limits of {@code proposal}'s kind cannot be read from the node, if they cannot. */
  static Optional<String> unknown(SetpointAction proposal, NodeView view) {
    List<NodeMetric> metrics = METRICS.get(proposal.kind());
    if (metrics == null) {
      return Optional.of("no limits known for " + proposal.kind().name().toLowerCase(Locale.ROOT)
          + " on " + proposal.node() + ": will not set it blind");
    }
    for (NodeMetric metric : metrics) {
      if (view.latest(metric).isEmpty()) {
        return Optional.of(proposal.node() + " reports no " + metric.wireName() + ": cannot"
            + " check a " + proposal.kind().valueField() + " setpoint against the hardware's"
            + " limits, so will not set one");
      }
    }
    return Optional.empty();
  }

  /** The limits of {@code kind} on the node; only once {@link #unknown} found nothing wrong. */
  static HardwareLimits read(SetpointKind kind, NodeView view) {
    List<NodeMetric> metrics = METRICS.get(kind);
    return new HardwareLimits(view.latest(metrics.get(0)).getAsDouble(),
        view.latest(metrics.get(1)).getAsDouble());
  }
}
