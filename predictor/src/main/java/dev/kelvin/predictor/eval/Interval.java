package dev.kelvin.predictor.eval;

/**
 * A range a figure lies in with the stated confidence; NaN ends when it could not be estimated.
 *
 * @param low the lower end
 * @param high the upper end
 * @param level the confidence, like 0.9
 */
public record Interval(double low, double high, double level) {
  /** An interval that was not estimated. */
  public static Interval unknown(double level) {
    return new Interval(Double.NaN, Double.NaN, level);
  }

  /** Whether the whole interval lies above zero. */
  public boolean aboveZero() {
    return low > 0;
  }
}
