package dev.kelvin.simulator.power;

import dev.kelvin.simulator.model.PowerModel;
import java.util.Arrays;
import java.util.Objects;

/**
 * One node's power over utilisation as a SPECpower_ssj2008 result measured it, with a DVFS
 * term: {@code P(u, f) = idle + (curve(u) - idle) * f^exponent}, where {@code curve} interpolates
 * linearly between the 11 published points (active idle, then 10 % to 100 % of target load, read
 * as utilisation) and {@code f} is the clock over the maximum clock.
 *
 * <p>Sources: SPECpower_ssj2008 results, Standard Performance Evaluation Corporation,
 * www.spec.org (each curve's {@link SpecPowerSystem#disclosureUrl()}); the exponent's default
 * is {@link DvfsExponent#HOTPOWER12}. Evaluating allocates nothing and calls {@code Math.pow}
 * only under a clock cap.
 */
public final class SpecPowerCurve implements PowerModel {
  /** Points: active idle, then 10 %, 20 % .. 100 % of target load. */
  public static final int POINTS = 11;

  private final SpecPowerSystem system;
  private final double[] watts;
  private final double dvfsExponent;
  private final double maxWatts;

  /**
   * @param wattsByLoad the node's average watts at active idle, 10 %, .. 100 % load
   * @param dvfsExponent the clock exponent of the dynamic power, within 0..4
   */
  public SpecPowerCurve(SpecPowerSystem system, double[] wattsByLoad, double dvfsExponent) {
    this.system = Objects.requireNonNull(system, "system");
    if (wattsByLoad.length != POINTS) {
      throw new IllegalArgumentException("wattsByLoad must hold " + POINTS + " points (active"
          + " idle, 10 % .. 100 %), had " + wattsByLoad.length);
    }
    this.watts = wattsByLoad.clone();
    double max = 0;
    for (double w : watts) {
      if (!(w > 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("wattsByLoad must be finite and > 0 W, was "
            + Arrays.toString(watts) + " for " + system + " (a missing value read as 0?)");
      }
      max = Math.max(max, w);
    }
    this.maxWatts = max;
    if (!(dvfsExponent >= 0 && dvfsExponent <= 4)) {
      throw new IllegalArgumentException("dvfsExponent must be within 0..4 (about "
          + DvfsExponent.HOTPOWER12 + " as fitted to measured CPUs, 3 for ideal CMOS), was "
          + dvfsExponent);
    }
    this.dvfsExponent = dvfsExponent;
  }

  /** The same curve with another DVFS exponent. */
  public SpecPowerCurve withDvfsExponent(double exponent) {
    return new SpecPowerCurve(system, watts, exponent);
  }

  @Override
  public double powerWatts(double utilRatio, double freqRatio) {
    if (!(utilRatio >= 0 && utilRatio <= 1)) {
      throw new IllegalArgumentException("utilRatio must be a ratio within 0..1, was "
          + utilRatio + " (a percentage?)");
    }
    if (!(freqRatio > 0 && freqRatio <= 1)) {
      throw new IllegalArgumentException("freqRatio must be a ratio within (0..1], was "
          + freqRatio + " (a percentage or MHz?)");
    }
    double position = utilRatio * (POINTS - 1);
    int below = (int) position;
    double atFullClock = below >= POINTS - 1 ? watts[POINTS - 1]
        : watts[below] + (position - below) * (watts[below + 1] - watts[below]);
    if (freqRatio == 1.0) {
      return atFullClock;
    }
    return watts[0] + (atFullClock - watts[0]) * Math.pow(freqRatio, dvfsExponent);
  }

  /** The node's power at full clock. */
  public double powerWatts(double utilRatio) {
    return powerWatts(utilRatio, 1.0);
  }

  /** Active idle: the node on, its operating system idle. */
  public double idleWatts() {
    return watts[0];
  }

  /** The highest of the 11 points (normally the 100 % point). */
  public double maxWatts() {
    return maxWatts;
  }

  /** The 11 points, active idle first (a copy). */
  public double[] wattsByLoad() {
    return watts.clone();
  }

  public double dvfsExponent() {
    return dvfsExponent;
  }

  public SpecPowerSystem system() {
    return system;
  }

  @Override
  public String toString() {
    return "SpecPowerCurve[" + system + ", " + Arrays.toString(watts) + " W, exponent "
        + dvfsExponent + "]";
  }
}
