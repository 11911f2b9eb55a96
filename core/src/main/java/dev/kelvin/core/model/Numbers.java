package dev.kelvin.core.model;

import java.util.Locale;

/** Numbers as messages and reasons show them to people. */
public final class Numbers {
  /** {@link #fixed} takes its fast path below this many units of the last decimal. */
  private static final double FAST_LIMIT = 1L << 31;
  /**
   * How close to half a unit of the last decimal a value may come and still take the fast
   * path; the product's rounding error below {@link #FAST_LIMIT} is under 1e-6 of a unit.
   */
  private static final double TIE_MARGIN = 1e-4;
  private static final double[] POWERS_OF_TEN = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};

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
    String text = fixed(value, maxDecimals);
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '0' && text.charAt(end - 2) != '.') {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * Exactly what {@code String.format(Locale.ROOT, "%." + decimals + "f", value)} gives, a few
   * times faster for the positive values that reasons quote on every tick (temperatures,
   * frequencies): the value is scaled and rounded in arithmetic unless it lies within
   * {@link #TIE_MARGIN} of a tie, is negative, or is too large, and then the formatter
   * decides.
   */
  public static String fixed(double value, int decimals) {
    if (decimals >= 0 && decimals < POWERS_OF_TEN.length && Math.copySign(1.0, value) > 0) {
      double scaled = value * POWERS_OF_TEN[decimals];
      if (scaled < FAST_LIMIT) {
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) > TIE_MARGIN) {
          return withPoint((long) whole + (fraction > 0.5 ? 1 : 0), decimals);
        }
      }
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** {@code units} of the last decimal written with {@code decimals} decimals. */
  private static String withPoint(long units, int decimals) {
    String digits = Long.toString(units);
    if (decimals == 0) {
      return digits;
    }
    StringBuilder text = new StringBuilder(digits.length() + decimals + 2);
    for (int pad = decimals + 1 - digits.length(); pad > 0; pad--) {
      text.append('0');
    }
    text.append(digits);
    return text.insert(text.length() - decimals, '.').toString();
  }
}
