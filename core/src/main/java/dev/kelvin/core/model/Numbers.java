package dev.kelvin.core.model;

import java.util.Locale;

/** Numbers as messages and reasons show them to people. */
public final class Numbers {
  private Numbers() {}

  /**
   * {@code value} without a decimal point when it is whole ({@code 2400}), else with at most
   * {@code maxDecimals} decimals and no trailing zeros beyond the first ({@code 91.2},
   * {@code 85.0}, {@code 0.05}); in {@link Locale#ROOT}, whatever the machine's locale.
   */
  public static String plain(double value, int maxDecimals) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    String text = String.format(Locale.ROOT, "%." + maxDecimals + "f", value);
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '0' && text.charAt(end - 2) != '.') {
      end--;
    }
    return text.substring(0, end);
  }
}
