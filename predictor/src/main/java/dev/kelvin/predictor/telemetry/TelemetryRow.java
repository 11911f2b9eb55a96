package dev.kelvin.predictor.telemetry;

import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of a telemetry file: a node's features at a control tick and what happened next.
 *
 * @param at the tick
 * @param node the node
 * @param secondsToFailure seconds from {@code at} to the node's next failure; NaN when it did
 *     not fail again before the run's end
 * @param failureWarned whether that next failure showed precursors (false when none)
 * @param features in the order of the file's feature names, NaN where unknown
 */
public record TelemetryRow(Instant at, NodeId node, double secondsToFailure,
    boolean failureWarned, double[] features) {
  public TelemetryRow {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(features, "features");
    if (secondsToFailure <= 0) {
      throw new IllegalArgumentException("secondsToFailure must be > 0 s or NaN, was "
          + secondsToFailure + " (a row at or after the failure it is labelled with?)");
    }
  }

  /** Whether the node fails within {@code horizon} after {@code at}. */
  public boolean failsWithin(Duration horizon) {
    return secondsToFailure <= horizon.toMillis() / 1000.0;
  }
}
