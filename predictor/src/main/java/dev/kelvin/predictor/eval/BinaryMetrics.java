package dev.kelvin.predictor.eval;

/**
 * How well scores separate positives from negatives, with every example weighted (1 for an
 * example that stands for itself, 1/r for a negative kept with probability r).
 *
 * <p>PR-AUC is the average precision: the precision at each distinct score, weighted by the
 * recall gained there, ties forming one step. ROC-AUC is the probability that a random positive
 * scores above a random negative, a tie counting one half (the trapezoid under the ROC curve).
 * An example is flagged when its score is at or above the threshold. A figure with no defined
 * value (precision when nothing is flagged, any area without positives or negatives) is NaN.
 *
 * @param prAuc average precision, 0 to 1; a random ranking scores the positive share
 * @param rocAuc area under the ROC curve, 0 to 1; a random ranking scores 0.5
 * @param precision the positive share of the flagged weight
 * @param recall the flagged share of the positive weight
 * @param f1 the harmonic mean of precision and recall
 * @param threshold the score at or above which an example is flagged
 * @param positiveWeight the total weight of the positives
 * @param negativeWeight the total weight of the negatives
 */
public record BinaryMetrics(double prAuc, double rocAuc, double precision, double recall,
    double f1, double threshold, double positiveWeight, double negativeWeight) {

  /** The metrics of {@code scores} against {@code labels}, every example of weight 1. */
  public static BinaryMetrics of(double[] scores, boolean[] labels, double threshold) {
    double[] ones = new double[scores.length];
    java.util.Arrays.fill(ones, 1);
    return of(scores, labels, ones, threshold);
  }

  /** The metrics of {@code scores} against {@code labels} with the examples' weights. */
  public static BinaryMetrics of(double[] scores, boolean[] labels, double[] weights,
      double threshold) {
    RankedScores ranked = RankedScores.of(scores, labels, weights);
    double flaggedPositive = 0;
    double flaggedNegative = 0;
    for (int g = 0; g < ranked.groups() && ranked.score[g] >= threshold; g++) {
      flaggedPositive += ranked.positive[g];
      flaggedNegative += ranked.negative[g];
    }
    double precision = ratio(flaggedPositive, flaggedPositive + flaggedNegative);
    double recall = ratio(flaggedPositive, ranked.totalPositive);
    return new BinaryMetrics(averagePrecision(ranked), rocAuc(ranked), precision, recall,
        f1(precision, recall), threshold, ranked.totalPositive, ranked.totalNegative);
  }

  /** The positive share of the weight: the PR-AUC of a ranking that knows nothing. */
  public double positiveShare() {
    return ratio(positiveWeight, positiveWeight + negativeWeight);
  }

  static double averagePrecision(RankedScores ranked) {
    if (!(ranked.totalPositive > 0)) {
      return Double.NaN;
    }
    double truePositive = 0;
    double flagged = 0;
    double sum = 0;
    for (int g = 0; g < ranked.groups(); g++) {
      truePositive += ranked.positive[g];
      flagged += ranked.positive[g] + ranked.negative[g];
      sum += ranked.positive[g] * (truePositive / flagged);
    }
    return sum / ranked.totalPositive;
  }

  static double rocAuc(RankedScores ranked) {
    if (!(ranked.totalPositive > 0) || !(ranked.totalNegative > 0)) {
      return Double.NaN;
    }
    double positivesAbove = 0;
    double area = 0;
    for (int g = 0; g < ranked.groups(); g++) {
      area += ranked.negative[g] * (positivesAbove + ranked.positive[g] / 2);
      positivesAbove += ranked.positive[g];
    }
    return area / (ranked.totalPositive * ranked.totalNegative);
  }

  static double f1(double precision, double recall) {
    if (Double.isNaN(precision) || Double.isNaN(recall)) {
      return Double.NaN;
    }
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  private static double ratio(double part, double whole) {
    return whole > 0 ? part / whole : Double.NaN;
  }
}
