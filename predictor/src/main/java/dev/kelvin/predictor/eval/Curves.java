package dev.kelvin.predictor.eval;

/**
 * The ROC and precision-recall curves of scores against labels, one point per distinct score
 * (highest first), thinned to at most {@code maxPoints} for a plot; the first and last points
 * are always kept.
 *
 * @param falsePositiveRate the ROC curve's x, from 0 up to 1
 * @param truePositiveRate the ROC curve's y and the PR curve's x (recall)
 * @param precision the PR curve's y at each point
 */
public record Curves(double[] falsePositiveRate, double[] truePositiveRate, double[] precision) {

  public static Curves of(double[] scores, boolean[] labels, double[] weights, int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("maxPoints must be >= 2, was " + maxPoints);
    }
    RankedScores ranked = RankedScores.of(scores, labels, weights);
    int n = ranked.groups() + 1;
    double[] fpr = new double[n];
    double[] tpr = new double[n];
    double[] precision = new double[n];
    double tp = 0;
    double fp = 0;
    precision[0] = 1;
    for (int g = 0; g < ranked.groups(); g++) {
      tp += ranked.positive[g];
      fp += ranked.negative[g];
      fpr[g + 1] = ranked.totalNegative > 0 ? fp / ranked.totalNegative : 0;
      tpr[g + 1] = ranked.totalPositive > 0 ? tp / ranked.totalPositive : 0;
      precision[g + 1] = tp / (tp + fp);
    }
    return thin(fpr, tpr, precision, maxPoints);
  }

  public int size() {
    return truePositiveRate.length;
  }

  private static Curves thin(double[] fpr, double[] tpr, double[] precision, int maxPoints) {
    int n = fpr.length;
    if (n <= maxPoints) {
      return new Curves(fpr, tpr, precision);
    }
    double[] x = new double[maxPoints];
    double[] y = new double[maxPoints];
    double[] p = new double[maxPoints];
    for (int k = 0; k < maxPoints; k++) {
      int i = (int) Math.round((double) k * (n - 1) / (maxPoints - 1));
      x[k] = fpr[i];
      y[k] = tpr[i];
      p[k] = precision[i];
    }
    return new Curves(x, y, p);
  }
}
