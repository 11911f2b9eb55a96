package dev.kelvin.predictor.anomaly;

import java.util.Arrays;
import java.util.Comparator;

/** The ROC-AUC of scores against labels, ties counted half (Mann-Whitney). */
final class RocAuc {
  private RocAuc() {}

  static double of(double[] scores, boolean[] labels) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSum = 0;
    long positives = 0;
    for (int start = 0; start < order.length; ) {
      int end = start;
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        end++;
      }
      double rank = (start + 1 + end) / 2.0;
      for (int k = start; k < end; k++) {
        if (labels[order[k]]) {
          rankSum += rank;
          positives++;
        }
      }
      start = end;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
