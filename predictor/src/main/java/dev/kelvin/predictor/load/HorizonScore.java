package dev.kelvin.predictor.load;

/**
 * Mean absolute errors at one horizon over one trace's test forecasts: the model's, persistence's
 * (the last value) and seasonal-naive's (the value a day before the target, or the last value
 * where that is unknown).
 *
 * @param forecasts how many anchors were judged
 * @param modelMae the model's mean absolute error, in the trace's unit
 * @param persistenceMae persistence's
 * @param seasonalMae seasonal-naive's
 * @param seasonalFromDayAgo how many seasonal-naive forecasts had a value a day before
 */
public record HorizonScore(long forecasts, double modelMae, double persistenceMae,
    double seasonalMae, long seasonalFromDayAgo) {

  /** The share of seasonal-naive forecasts that had a value a day before, 0-1. */
  public double seasonalCoverage() {
    return forecasts == 0 ? Double.NaN : (double) seasonalFromDayAgo / forecasts;
  }

  /** Sums absolute errors into a score. Not thread-safe. */
  static final class Sums {
    private long forecasts;
    private double model;
    private double persistence;
    private double seasonal;
    private long fromDayAgo;

    void add(double actual, double forecast, double last, double dayAgo) {
      forecasts++;
      model += Math.abs(forecast - actual);
      persistence += Math.abs(last - actual);
      boolean known = !Double.isNaN(dayAgo);
      seasonal += Math.abs((known ? dayAgo : last) - actual);
      fromDayAgo += known ? 1 : 0;
    }

    HorizonScore score() {
      double n = forecasts == 0 ? Double.NaN : forecasts;
      return new HorizonScore(forecasts, model / n, persistence / n, seasonal / n, fromDayAgo);
    }
  }
}
