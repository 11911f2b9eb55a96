package dev.kelvin.simulator.model;

import java.util.Locale;

/** Factories for the standard {@link PowerModel}s, each citing the source of its curve. */
public final class PowerModels {
  private PowerModels() {}

  /**
   * Power linear in utilisation, independent of clock: {@code P = idle + u * (max - idle)}.
   *
   * <p>Source: X. Fan, W.-D. Weber and L. A. Barroso, "Power provisioning for a warehouse-sized
   * computer", ISCA 2007, which found whole-server power close to linear in CPU utilisation
   * between an idle and a peak figure.
   */
  public static PowerModel linear(double idleWatts, double maxWatts) {
    return dvfs(idleWatts, maxWatts, 0);
  }

  /**
   * Power linear in utilisation with a dynamic part that scales as a power of the clock:
   * {@code P = idle + u * (max - idle) * (f / fmax)^exponent}.
   *
   * <p>Sources: the linear-in-utilisation part is Fan, Weber and Barroso, ISCA 2007 (see
   * {@link #linear}). Dynamic CMOS power is {@code C * V^2 * f} (A. P. Chandrakasan, S. Sheng
   * and R. W. Brodersen, "Low-power CMOS digital design", IEEE JSSC 27(4), 1992); with voltage
   * scaled along with frequency it would grow as {@code f^3}, but the voltage range of modern
   * parts is narrow (E. Le Sueur and G. Heiser, "Dynamic voltage and frequency scaling: the laws
   * of diminishing returns", HotPower 2010), so an exponent near 2 fits whole-node power better.
   *
   * @param exponent the clock exponent: 0 gives {@link #linear}, about 2 is typical, 3 is the
   *     ideal CMOS bound
   */
  public static PowerModel dvfs(double idleWatts, double maxWatts, double exponent) {
    requireWatts("idleWatts", idleWatts);
    requireWatts("maxWatts", maxWatts);
    if (maxWatts < idleWatts) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "maxWatts (%s W) must be >= idleWatts (%s W): the two are likely swapped",
          maxWatts, idleWatts));
    }
    if (!(exponent >= 0 && exponent <= 4)) {
      throw new IllegalArgumentException("exponent must be within 0..4 (about 2 for a whole"
          + " node, 3 for ideal CMOS scaling), was " + exponent);
    }
    double dynamicWatts = maxWatts - idleWatts;
    return (utilRatio, freqRatio) -> {
      requireRatio("utilRatio", utilRatio, true);
      requireRatio("freqRatio", freqRatio, false);
      return idleWatts + utilRatio * dynamicWatts * Math.pow(freqRatio, exponent);
    };
  }

  private static void requireWatts(String field, double watts) {
    if (!(watts >= 0) || Double.isInfinite(watts)) {
      throw new IllegalArgumentException(field + " must be a finite number >= 0 W, was " + watts
          + " (a missing value sent as -1?)");
    }
  }

  private static void requireRatio(String field, double ratio, boolean zeroAllowed) {
    boolean low = zeroAllowed ? ratio >= 0 : ratio > 0;
    if (!(low && ratio <= 1)) {
      throw new IllegalArgumentException(field + " must be a ratio within "
          + (zeroAllowed ? "0" : "(0") + "..1, was " + ratio + " (a percentage or MHz?)");
    }
  }
}
