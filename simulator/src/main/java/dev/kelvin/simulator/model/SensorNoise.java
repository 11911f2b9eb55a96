package dev.kelvin.simulator.model;

import java.util.random.RandomGenerator;

/**
 * Bounded Gaussian sensor noise: a normal deviate with standard deviation a third of the bound,
 * clipped at the bound, so that a reading is never off by more than the bound (and a bound of
 * 0 means exact readings). Real BMC power sensors are good to a few watts and digital thermal
 * sensors to a fraction of a degree; the defaults follow that.
 *
 * @param powerWatts the largest error of a power reading, W
 * @param tempCelsius the largest error of a temperature reading, °C
 */
public record SensorNoise(double powerWatts, double tempCelsius) {
  public SensorNoise {
    requireBound("powerNoiseWatts", "W", powerWatts, 100);
    requireBound("tempNoiseCelsius", "°C", tempCelsius, 10);
  }

  /** Exact sensors. */
  public static SensorNoise none() {
    return new SensorNoise(0, 0);
  }

  /** {@code value} plus a bounded power error drawn from {@code random}. */
  public double power(RandomGenerator random, double value) {
    return value + bounded(random, powerWatts);
  }

  /** {@code value} plus a bounded temperature error drawn from {@code random}. */
  public double temp(RandomGenerator random, double value) {
    return value + bounded(random, tempCelsius);
  }

  /**
   * A deviate within {@code [-bound, bound]}. Draws from {@code random} even when the bound is
   * 0, so that the random stream stays aligned whatever the noise settings.
   */
  public static double bounded(RandomGenerator random, double bound) {
    double deviate = random.nextGaussian() * bound / 3;
    return Math.max(-bound, Math.min(bound, deviate));
  }

  private static void requireBound(String field, String unit, double bound, double max) {
    if (!(bound >= 0 && bound <= max)) {
      throw new IllegalArgumentException(field + " must be within 0.." + (int) max + " " + unit
          + ", was " + bound + " (it bounds the sensor error; use 0 for exact readings)");
    }
  }
}
