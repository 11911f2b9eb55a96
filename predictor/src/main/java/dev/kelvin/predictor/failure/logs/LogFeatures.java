package dev.kelvin.predictor.failure.logs;

import dev.kelvin.predictor.features.FailureHistoryFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import java.time.Instant;
import java.util.List;

/**
 * The features a model trained on a failure log reads: {@link FailureHistoryFeatures} without
 * the two that only grow with the length of the log ({@code history_failures_total} and {@code
 * history_days_observed}). A model that sees them learns what a count means at one point of the
 * log and misjudges every node later: on a made-up log where one node in ten fails twenty times
 * as often, a forest trained on the first two thirds ranked the last third no better than
 * chance with them (PR-AUC 0.03 against a 0.036 positive share) and at 0.16 to 0.20 without,
 * as good as knowing which nodes are the bad ones (0.15). The yearly rate keeps what they said.
 */
public final class LogFeatures {
  private static final List<String> LEFT_OUT =
      List.of("history_failures_total", "history_days_observed");
  /** The feature set {@code failure-history}. */
  public static final FeatureSet FEATURES = new FeatureSet("failure-history",
      FailureHistoryFeatures.NAMES.stream().filter(n -> !LEFT_OUT.contains(n)).toList());
  private static final int[] KEPT = FailureHistoryFeatures.NAMES.stream()
      .mapToInt(FEATURES.names()::indexOf).toArray();

  private LogFeatures() {}

  /** The features of a node at {@code anchor}; see {@link FailureHistoryFeatures#values}. */
  public static double[] values(List<Instant> failures, Instant firstSeen, Instant anchor,
      double systemFailuresLastDay) {
    double[] all = FailureHistoryFeatures.values(failures, firstSeen, anchor,
        systemFailuresLastDay);
    double[] kept = new double[FEATURES.names().size()];
    for (int i = 0; i < all.length; i++) {
      if (KEPT[i] >= 0) {
        kept[KEPT[i]] = all[i];
      }
    }
    return kept;
  }
}
