package dev.kelvin.core.action;

import dev.kelvin.core.model.Numbers;

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
    return Numbers.plain(value, 1);
  }
}
