package dev.kelvin.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a plot: its range in data units, where its ticks go and what they read, and its
 * title with the unit. Linear axes put ticks at 1, 2 or 5 times a power of ten; logarithmic
 * ones at powers of ten; a time axis counts in minutes, hours or days as suits the span.
 */
public record Axis(double lo, double hi, boolean log, List<Tick> ticks, String title) {
  private static final double MINUTE_S = 60;
  private static final double HOUR_S = 3600;
  private static final double DAY_S = 86_400;

  /** A tick at {@code value} (data units) labelled {@code label}. */
  public record Tick(double value, String label) {}

  /** Where {@code value} falls along the axis, 0 at {@code lo} and 1 at {@code hi}. */
  double fraction(double value) {
    if (log) {
      return (Math.log10(value) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    }
    return (value - lo) / (hi - lo);
  }

  /** A linear axis over at least {@code [lo, hi]}, widened to nice round ends. */
  public static Axis linear(double lo, double hi, String title) {
    if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
      lo = 0;
      hi = 1;
    }
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      double pad = Math.max(Math.abs(hi) * 0.05, 0.5);
      lo -= pad;
      hi += pad;
    }
    double step = niceStep((hi - lo) / 6);
    double niceLo = Math.floor(lo / step) * step;
    double niceHi = Math.ceil(hi / step) * step;
    List<Tick> ticks = new ArrayList<>();
    for (long k = Math.round(niceLo / step); k * step <= niceHi + step * 1e-9; k++) {
      ticks.add(new Tick(k * step, label(k * step, step)));
    }
    return new Axis(niceLo, niceHi, false, List.copyOf(ticks), title);
  }

  /** A base-ten logarithmic axis from the decade at or below {@code lo} to the one above {@code hi}. */
  public static Axis log10(double lo, double hi, String title) {
    int from = (int) Math.floor(Math.log10(Math.max(lo, 1e-300)));
    int to = Math.max(from + 1, (int) Math.ceil(Math.log10(Math.max(hi, lo))));
    List<Tick> ticks = new ArrayList<>();
    for (int exponent = from; exponent <= to; exponent++) {
      double value = Math.pow(10, exponent);
      ticks.add(new Tick(value, label(value, value)));
    }
    return new Axis(Math.pow(10, from), Math.pow(10, to), true, List.copyOf(ticks), title);
  }

  /**
   * A time axis over exactly {@code [0, endS]} seconds, labelled in minutes up to three
   * hours, in hours up to three days, in days beyond. Positions stay in seconds.
   */
  static Axis time(double endS) {
    double span = endS > 0 ? endS : 1;
    double unitS = span <= 3 * HOUR_S ? MINUTE_S : span <= 3 * DAY_S ? HOUR_S : DAY_S;
    String unit = unitS == MINUTE_S ? "min" : unitS == HOUR_S ? "h" : "days";
    double step = niceStep(span / unitS / 8);
    List<Tick> ticks = new ArrayList<>();
    for (long k = 0; k * step <= span / unitS * (1 + 1e-9); k++) {
      ticks.add(new Tick(k * step * unitS, label(k * step, step)));
    }
    return new Axis(0, span, false, List.copyOf(ticks), "simulated time (" + unit + ")");
  }

  /** A unit to show values in, and the factor from the data's unit to it. */
  record Scale(double factor, String unit) {}

  /**
   * The unit to show {@code unit} values up to {@code maxAbs} in: W as kW or MW, kWh as MWh or
   * GWh, once the values reach a thousand of the larger unit's; other units unchanged.
   */
  static Scale scale(String unit, double maxAbs) {
    String[] ladder = switch (unit) {
      case "W" -> new String[] {"W", "kW", "MW", "GW"};
      case "kWh" -> new String[] {"kWh", "MWh", "GWh"};
      default -> new String[] {unit};
    };
    int step = 0;
    double factor = 1;
    while (step + 1 < ladder.length && Math.abs(maxAbs) * factor >= 1000) {
      factor /= 1000;
      step++;
    }
    return new Scale(factor, ladder[step]);
  }

  /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
  static double niceStep(double rough) {
    if (!(rough > 0)) {
      return 1;
    }
    double decade = Math.pow(10, Math.floor(Math.log10(rough)));
    double mantissa = rough / decade;
    return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * decade;
  }

  /** A tick label with as many decimals as the step needs, Locale.ROOT, no "-0". */
  private static String label(double value, double step) {
    if (Math.abs(value) < step * 1e-9) {
      return "0";
    }
    if (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-4) {
      return String.format(Locale.ROOT, "%.0e", value);
    }
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
