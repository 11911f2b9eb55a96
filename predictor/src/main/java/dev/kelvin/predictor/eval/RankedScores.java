package dev.kelvin.predictor.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * Scores sorted from highest to lowest and grouped by equal score, with the positive and negative
 * weight of each group. Equal scores form one group, so a threshold never splits a tie: every
 * metric here counts a tie as the classifier must decide it, all flagged or none.
 */
final class RankedScores {
  /** The distinct scores, highest first. */
  final double[] score;
  /** Positive weight in each group. */
  final double[] positive;
  /** Negative weight in each group. */
  final double[] negative;
  final double totalPositive;
  final double totalNegative;

  private RankedScores(double[] score, double[] positive, double[] negative) {
    this.score = score;
    this.positive = positive;
    this.negative = negative;
    this.totalPositive = Arrays.stream(positive).sum();
    this.totalNegative = Arrays.stream(negative).sum();
  }

  static RankedScores of(double[] scores, boolean[] labels, double[] weights) {
    Objects.requireNonNull(scores, "scores");
    if (labels.length != scores.length || weights.length != scores.length) {
      throw new IllegalArgumentException("scores, labels and weights differ in length: "
          + scores.length + ", " + labels.length + ", " + weights.length);
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("score " + i + " is NaN (an example without a"
            + " prediction must be left out, not scored)");
      }
      if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("weight " + i + " must be > 0 and finite, was "
            + weights[i]);
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    double[] score = new double[scores.length];
    double[] positive = new double[scores.length];
    double[] negative = new double[scores.length];
    int groups = -1;
    for (int k = 0; k < order.length; k++) {
      int i = order[k];
      if (groups < 0 || scores[i] != score[groups]) {
        score[++groups] = scores[i];
      }
      if (labels[i]) {
        positive[groups] += weights[i];
      } else {
        negative[groups] += weights[i];
      }
    }
    int size = groups + 1;
    return new RankedScores(Arrays.copyOf(score, size), Arrays.copyOf(positive, size),
        Arrays.copyOf(negative, size));
  }

  int groups() {
    return score.length;
  }
}
