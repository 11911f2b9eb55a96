package dev.kelvin.predictor.forecast;

/**
 * How close forecasts came to what happened, over {@code examples} held-out examples.
 *
 * @param examples the number of forecasts compared
 * @param rmseWatts root mean squared error, W
 * @param maeWatts mean absolute error, W
 * @param r2 coefficient of determination: 1 is perfect, 0 is no better than always forecasting
 *     the mean, negative is worse than that
 */
public record ForecastMetrics(int examples, double rmseWatts, double maeWatts, double r2) {
  public ForecastMetrics {
    if (examples < 1) {
      throw new IllegalArgumentException("metrics need at least 1 example, had " + examples);
    }
    if (!(rmseWatts >= 0) || !(maeWatts >= 0) || Double.isNaN(r2)) {
      throw new IllegalArgumentException("metrics must be numbers with errors >= 0 W, were rmse "
          + rmseWatts + " W, mae " + maeWatts + " W, r2 " + r2);
    }
  }

  /**
   * The metrics of {@code forecastWatts} against {@code actualWatts}, element by element.
   * R² is 1 minus the residual sum of squares over the total sum of squares about the actual
   * mean, the definition Tribuo's {@code RegressionEvaluator} uses; it is 0 when the actual
   * values do not vary and the forecasts match them, and negative infinity when they do not.
   */
  public static ForecastMetrics of(double[] actualWatts, double[] forecastWatts) {
    if (actualWatts.length != forecastWatts.length || actualWatts.length == 0) {
      throw new IllegalArgumentException("need as many forecasts as actual values, and some: had "
          + forecastWatts.length + " forecasts for " + actualWatts.length + " actual values");
    }
    int n = actualWatts.length;
    double mean = 0;
    for (double actual : actualWatts) {
      mean += actual / n;
    }
    double squared = 0;
    double absolute = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double error = forecastWatts[i] - actualWatts[i];
      squared += error * error;
      absolute += Math.abs(error);
      total += (actualWatts[i] - mean) * (actualWatts[i] - mean);
    }
    double r2 = total > 0 ? 1 - squared / total : squared == 0 ? 0 : Double.NEGATIVE_INFINITY;
    return new ForecastMetrics(n, Math.sqrt(squared / n), absolute / n, r2);
  }
}
