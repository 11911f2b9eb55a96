package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.util.Objects;

/**
 * A node failure rows are labelled with: the ground truth of a simulation run.
 *
 * @param warned whether the node's sensors showed precursors before it
 */
public record LabelledFailure(NodeId node, Instant at, boolean warned) {
  public LabelledFailure {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(at, "at");
  }
}
