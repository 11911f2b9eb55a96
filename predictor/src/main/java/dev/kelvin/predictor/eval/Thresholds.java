package dev.kelvin.predictor.eval;

/** Choosing a decision threshold from labelled scores. */
public final class Thresholds {
  private Thresholds() {}

  /**
   * The score at or above which flagging gives the highest weighted F1: one of the distinct
   * scores, so a tie is flagged whole. With no positive it is positive infinity (flag nothing).
   */
  public static double bestF1(double[] scores, boolean[] labels, double[] weights) {
    RankedScores ranked = RankedScores.of(scores, labels, weights);
    double best = -1;
    double threshold = Double.POSITIVE_INFINITY;
    double tp = 0;
    double flagged = 0;
    for (int g = 0; g < ranked.groups() && ranked.totalPositive > 0; g++) {
      tp += ranked.positive[g];
      flagged += ranked.positive[g] + ranked.negative[g];
      double f1 = 2 * tp / (flagged + ranked.totalPositive);
      if (f1 > best) {
        best = f1;
        threshold = ranked.score[g];
      }
    }
    return threshold;
  }
}
