package dev.kelvin.predictor.failure;

import java.time.Instant;
import java.util.Objects;

/**
 * One node at one anchor time: its features then, and whether it failed within the horizon.
 *
 * @param system the system the node belongs to, like {@code lanl-18} or {@code titan}
 * @param node the node's name within its system
 * @param anchor when the features were taken; they use only what was known strictly before it
 * @param features the feature values in the order of {@link FailureExamples#features()}, NaN
 *     where a value is unknown (never 0 in its place)
 * @param label whether the node's next failure starts in {@code [anchor, anchor + horizon)}
 * @param secondsToNextFailure seconds from the anchor to the node's next failure; NaN when none
 *     was observed before the data ends
 * @param weight how many examples this one stands for: 1, or 1/r for a negative kept with
 *     probability r when a system has too many to keep them all
 */
public record FailureExample(String system, String node, Instant anchor, double[] features,
    boolean label, double secondsToNextFailure, double weight) {
  public FailureExample {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(features, "features");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight must be > 0 and finite, was " + weight);
    }
    if (secondsToNextFailure < 0) {
      throw new IllegalArgumentException("secondsToNextFailure must be >= 0 s or NaN, was "
          + secondsToNextFailure + " (a failure before the anchor counted as the next one?)");
    }
    if (label && Double.isNaN(secondsToNextFailure)) {
      throw new IllegalArgumentException("a positive example of " + system + "/" + node + " at "
          + anchor + " needs the time to its failure");
    }
  }

  /** When the failure this example counts happens; only for a positive example. */
  public Instant nextFailure() {
    if (Double.isNaN(secondsToNextFailure)) {
      throw new IllegalStateException("no next failure observed for " + system + "/" + node
          + " after " + anchor);
    }
    return anchor.plusMillis(Math.round(secondsToNextFailure * 1000));
  }
}
