package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.util.Objects;

/**
 * A node failure that happened in a run (a planned one whose node was up, not already down,
 * off or booting): the ground truth a failure predictor's training data is labelled with.
 *
 * @param node the node that failed
 * @param at when it failed
 * @param back when its repair ended
 * @param warned whether its sensors showed precursors before it (see {@code Precursors})
 * @param hitJob whether a job was running on the node (it lost the work since its checkpoint)
 */
public record HappenedFailure(NodeId node, Instant at, Instant back, boolean warned,
    boolean hitJob) {
  public HappenedFailure {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(back, "back");
  }
}
