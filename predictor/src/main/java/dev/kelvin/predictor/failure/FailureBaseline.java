package dev.kelvin.predictor.failure;

import dev.kelvin.predictor.features.FailureHistoryFeatures;
import dev.kelvin.predictor.model.FeatureSet;
import java.util.List;

/**
 * The baseline a failure model must beat: "the node failed in the last 7 days", as a score of 1
 * or 0 (an unknown history scores 0). As a ranking it is one big tie, which the metrics keep
 * whole; as a decision it flags the nodes that failed in the week before.
 */
public final class FailureBaseline {
  /** The feature the baseline reads. */
  public static final String FEATURE = "history_failures_7d";
  /** A node is flagged when its baseline score is at or above this. */
  public static final double THRESHOLD = 1;
  public static final String DESCRIPTION = "failed in the last 7 days";

  static {
    if (!FailureHistoryFeatures.NAMES.contains(FEATURE)) {
      throw new AssertionError("FailureHistoryFeatures lacks " + FEATURE);
    }
  }

  private FailureBaseline() {}

  /** The baseline score of each example. */
  public static double[] scores(List<FailureExample> examples, FeatureSet features) {
    int at = features.names().indexOf(FEATURE);
    if (at < 0) {
      throw new IllegalArgumentException("feature set " + features.id() + " lacks " + FEATURE
          + ", which the baseline reads");
    }
    double[] scores = new double[examples.size()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = examples.get(i).features()[at] >= 1 ? 1 : 0;
    }
    return scores;
  }
}
