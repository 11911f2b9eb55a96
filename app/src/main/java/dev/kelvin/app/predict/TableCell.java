package dev.kelvin.app.predict;

import java.util.Locale;

/** A figure as a table shows it: fixed decimals, {@code n/a} when it has no value. */
final class TableCell {
  private TableCell() {}

  static String number(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
