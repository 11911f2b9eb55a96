package dev.kelvin.predictor.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * How a power forecaster is trained.
 *
 * @param horizon how far ahead the forecast looks, e.g. 60 s; each example's label is the
 *     node's power this long after the example, give or take one sample interval
 * @param window how far back the features look, e.g. 30 s
 * @param testFraction the share of examples, the latest in time, held out for evaluation, in
 *     (0, 0.5]; the split is by time, never at random, so the model is judged on a future it
 *     has not seen
 * @param seed the seed of every random choice a trainer makes; the same history, settings and
 *     seed give the same model and the same model version
 */
public record ForecastSettings(Duration horizon, Duration window, double testFraction,
    long seed) {
  public ForecastSettings {
    requireAtLeastOneSecond("horizon", horizon);
    requireAtLeastOneSecond("window", window);
    if (!(testFraction > 0 && testFraction <= 0.5)) {
      throw new IllegalArgumentException("testFraction must be within (0, 0.5], was "
          + testFraction + (testFraction > 1 && testFraction <= 50
              ? " (a percentage? divide by 100)" : " (the held-out share of examples)"));
    }
  }

  /** A 60 s horizon, a 30 s window, the latest 20 % held out, seed 42. */
  public static ForecastSettings defaults() {
    return new ForecastSettings(Duration.ofSeconds(60), Duration.ofSeconds(30), 0.2, 42L);
  }

  public ForecastSettings withSeed(long value) {
    return new ForecastSettings(horizon, window, testFraction, value);
  }

  public ForecastSettings withHorizon(Duration value) {
    return new ForecastSettings(value, window, testFraction, seed);
  }

  private static void requireAtLeastOneSecond(String field, Duration duration) {
    Objects.requireNonNull(duration, field);
    if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(field + " must be at least 1 s, was " + duration
          + " (readings arrive about once a second)");
    }
  }
}
