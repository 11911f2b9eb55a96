package dev.kelvin.predictor.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The horizons a load model forecasts at its step: those of 5, 15 and 60 minutes that are a
 * whole number of steps (on hourly data only 60 minutes). Series of one model share a step,
 * and the step divides a day, so that "the same time a day ago" is a whole number of steps.
 *
 * @param step the length of one value of the series
 * @param horizons the horizons, shortest first, each a positive multiple of the step
 */
public record LoadHorizons(Duration step, List<Duration> horizons) {
  /** The horizons Kelvin forecasts, where the step allows. */
  public static final List<Duration> WANTED =
      List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(60));
  private static final Duration DAY = Duration.ofDays(1);

  public LoadHorizons {
    Objects.requireNonNull(step, "step");
    horizons = List.copyOf(horizons);
    if (step.isNegative() || step.isZero() || DAY.toMillis() % step.toMillis() != 0) {
      throw new IllegalArgumentException("step " + step + " must be positive and divide a day"
          + " (5 minutes, an hour)");
    }
    if (horizons.isEmpty()) {
      throw new IllegalArgumentException("a load model needs a horizon: none of " + WANTED
          + " is a whole number of steps of " + step);
    }
    for (int i = 0; i < horizons.size(); i++) {
      Duration horizon = horizons.get(i);
      if (horizon.isNegative() || horizon.isZero() || horizon.toMillis() % step.toMillis() != 0
          || (i > 0 && horizon.compareTo(horizons.get(i - 1)) <= 0)) {
        throw new IllegalArgumentException("horizons " + horizons + " must be whole multiples"
            + " of the step " + step + ", shortest first, each once");
      }
    }
  }

  /** The wanted horizons that are whole numbers of {@code step}. */
  public static LoadHorizons forStep(Duration step) {
    List<Duration> fit = new ArrayList<>();
    for (Duration horizon : WANTED) {
      if (horizon.toMillis() % step.toMillis() == 0) {
        fit.add(horizon);
      }
    }
    return new LoadHorizons(step, fit);
  }

  /** The wanted horizons this step cannot forecast, for a note to the operator. */
  public List<Duration> dropped() {
    return WANTED.stream().filter(horizon -> !horizons.contains(horizon)).toList();
  }

  public int count() {
    return horizons.size();
  }

  /** Horizon {@code h} in steps. */
  public int steps(int h) {
    return (int) (horizons.get(h).toMillis() / step.toMillis());
  }

  /** The longest horizon in steps. */
  public int maxSteps() {
    return steps(count() - 1);
  }

  /** Steps in a day: the lag of the seasonal-naive forecast. */
  public int stepsPerDay() {
    return (int) (DAY.toMillis() / step.toMillis());
  }

  /** Horizon {@code h} as a key in reports and feature names, like {@code 15m}. */
  public String key(int h) {
    return horizons.get(h).toMinutes() + "m";
  }

  /** The keys of all horizons, shortest first. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (int h = 0; h < count(); h++) {
      keys.add(key(h));
    }
    return keys;
  }
}
