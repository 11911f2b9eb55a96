package dev.kelvin.predictor.load;

import dev.kelvin.predictor.model.FeatureSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of a load series' features, used by training, evaluation and serving.
 * Everything comes from the series' own values at or before the anchor (the last value known
 * when the forecast is made). Differences are divided by the series' {@link #scale}, the mean
 * absolute one-step change of the last {@value #WINDOW} steps, so that CPU %, watts and
 * node-seconds, busy and calm series, look alike to the model, and the target (the change
 * over the horizon in the same unit) is about as large as persistence's error:
 * <ul>
 *   <li>{@code level}: the anchor's value over the mean absolute value of the last
 *       {@value #WINDOW} steps; {@code roughness}: the scale over that mean (how noisy the
 *       series is for its size); {@code lag_K}: the value K steps earlier, less the
 *       anchor's; {@code mean_3}, {@code mean_12}, {@code max_12}, {@code min_12}: over the
 *       last 3 and 12 steps, less the anchor's; {@code slope_6}: least-squares slope of the last 6
 *       steps per step; {@code known_12}: the share of the last 12 steps known;
 *   <li>the regime of the last day ({@link LoadRegime}): {@code roughness_day}, the day's
 *       mean absolute step change over the scale; {@code still_day}, the share of the day's
 *       steps that held the level; {@code reversion_day}, the lag-1 autocorrelation of the
 *       day's changes. They let the one pooled model tell a series that holds a level for hours
 *       (a long job), which persistence suits, from one whose moves come back;
 *   <li>for each horizon H: {@code day_ago_H}, the value a day before the forecast's target,
 *       less the anchor's, and {@code day_change_H}, how the series changed over the same H a
 *       day earlier;
 *   <li>{@code tod_sin}, {@code tod_cos}: the time of day when the forecast is made, on the
 *       series' own clock.
 * </ul>
 * A value that cannot be known (a lag before the series began or in a gap) is NaN, never 0;
 * without the anchor's own value there are no features at all.
 */
public final class LoadFeatures {
  static final int WINDOW = 12;
  private static final int[] LAGS = {1, 2, 3, 6, 12};
  private static final int SLOPE_STEPS = 6;
  private static final double DAY_S = 86_400;

  private LoadFeatures() {}

  /** The feature names for a model of {@code horizons}, in the order of {@link #compute}. */
  public static List<String> names(LoadHorizons horizons) {
    List<String> names = new ArrayList<>(List.of("level", "roughness"));
    for (int lag : LAGS) {
      names.add("lag_" + lag);
    }
    names.addAll(List.of("mean_3", "mean_12", "max_12", "min_12", "slope_6", "known_12",
        "roughness_day", "still_day", "reversion_day"));
    for (String key : horizons.keys()) {
      names.add("day_ago_" + key);
      names.add("day_change_" + key);
    }
    names.addAll(List.of("tod_sin", "tod_cos"));
    return List.copyOf(names);
  }

  public static FeatureSet featureSet(LoadHorizons horizons) {
    return new FeatureSet("load-series", names(horizons));
  }

  /**
   * The scale of the series at the anchor: the mean absolute one-step change over the last
   * {@value #WINDOW} steps (the local error of persistence), or where that is 0 or unknown the
   * mean absolute value, or 1 when that is 0 too.
   */
  public static double scale(Lookback history) {
    double change = meanAbsoluteChange(history);
    if (change > 0) {
      return change;
    }
    double level = meanAbsolute(history);
    return level > 0 ? level : 1;
  }

  /** The mean absolute known value of the last {@value #WINDOW} steps; NaN when none. */
  static double meanAbsolute(Lookback history) {
    return meanAbsolute(history, WINDOW);
  }

  /** The mean absolute known value of the last {@code steps} steps; NaN when none. */
  static double meanAbsolute(Lookback history, int steps) {
    double sum = 0;
    int known = 0;
    for (int k = 0; k < steps; k++) {
      double value = history.back(k);
      if (!Double.isNaN(value)) {
        sum += Math.abs(value);
        known++;
      }
    }
    return sum / known;
  }

  /** The mean absolute change between known neighbours of the last {@value #WINDOW} steps. */
  static double meanAbsoluteChange(Lookback history) {
    double sum = 0;
    int pairs = 0;
    for (int k = 0; k < WINDOW - 1; k++) {
      double change = history.back(k) - history.back(k + 1);
      if (!Double.isNaN(change)) {
        sum += Math.abs(change);
        pairs++;
      }
    }
    return sum / pairs;
  }

  /**
   * Writes the features at the anchor into {@code out} (sized as {@link #names}).
   *
   * @param madeAt when the forecast is made: the end of the anchor's interval
   * @return false, leaving {@code out} untouched, when the anchor's own value is unknown
   */
  public static boolean compute(Lookback history, Instant madeAt, ZoneId zone,
      LoadHorizons horizons, double[] out) {
    double last = history.back(0);
    if (Double.isNaN(last)) {
      return false;
    }
    double scale = scale(history);
    double level = meanAbsolute(history);
    int i = 0;
    out[i++] = level > 0 ? last / level : 1;
    out[i++] = level > 0 ? meanAbsoluteChange(history) / level : meanAbsoluteChange(history);
    for (int lag : LAGS) {
      out[i++] = (history.back(lag) - last) / scale;
    }
    WindowStats recent = WindowStats.of(history, 3);
    WindowStats window = WindowStats.of(history, WINDOW);
    out[i++] = (recent.mean() - last) / scale;
    out[i++] = (window.mean() - last) / scale;
    out[i++] = (window.max() - last) / scale;
    out[i++] = (window.min() - last) / scale;
    out[i++] = slope(history, SLOPE_STEPS) / scale;
    out[i++] = window.known() / (double) WINDOW;
    int day = horizons.stepsPerDay();
    LoadRegime regime = LoadRegime.of(history, day, scale);
    out[i++] = regime.roughness();
    out[i++] = regime.still();
    out[i++] = regime.reversion();
    for (int h = 0; h < horizons.count(); h++) {
      double dayAgo = history.back(day - horizons.steps(h));
      out[i++] = (dayAgo - last) / scale;
      out[i++] = (dayAgo - history.back(day)) / scale;
    }
    double angle = 2 * Math.PI * madeAt.atZone(zone).toLocalTime().toSecondOfDay() / DAY_S;
    out[i++] = Math.sin(angle);
    out[i] = Math.cos(angle);
    return true;
  }

  /** The least-squares slope per step of the known values among the last {@code steps}. */
  static double slope(Lookback history, int steps) {
    double n = 0;
    double sumX = 0;
    double sumY = 0;
    double sumXy = 0;
    double sumXx = 0;
    for (int k = 0; k < steps; k++) {
      double value = history.back(k);
      if (!Double.isNaN(value)) {
        double x = -k;
        n++;
        sumX += x;
        sumY += value;
        sumXy += x * value;
        sumXx += x * x;
      }
    }
    double denominator = n * sumXx - sumX * sumX;
    return n < 3 || denominator == 0 ? Double.NaN : (n * sumXy - sumX * sumY) / denominator;
  }

  /** Mean, maximum and minimum of the known values among the last {@code steps}. */
  private record WindowStats(double mean, double max, double min, int known) {
    static WindowStats of(Lookback history, int steps) {
      double sum = 0;
      double max = Double.NEGATIVE_INFINITY;
      double min = Double.POSITIVE_INFINITY;
      int known = 0;
      for (int k = 0; k < steps; k++) {
        double value = history.back(k);
        if (!Double.isNaN(value)) {
          sum += value;
          max = Math.max(max, value);
          min = Math.min(min, value);
          known++;
        }
      }
      return new WindowStats(sum / known, max, min, known);
    }
  }
}
