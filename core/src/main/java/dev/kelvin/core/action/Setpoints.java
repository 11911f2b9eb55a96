package dev.kelvin.core.action;

import java.util.Locale;

final class Setpoints {
  private Setpoints() {}

  static double positive(String field, String unit, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(field + " must be a finite number > 0 " + unit
          + ", was " + value);
    }
    return value;
  }

  static String format(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
