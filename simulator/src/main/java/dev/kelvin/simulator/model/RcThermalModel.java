package dev.kelvin.simulator.model;

import java.time.Duration;

/**
 * A first-order (lumped RC) thermal model of a CPU: it settles at
 * {@code Tss = T_inlet + R * P} with time constant {@code tau}, and is stepped exactly,
 * {@code T <- Tss + (T - Tss) * exp(-dt / tau)}, so that the result does not depend on the step
 * size while power and inlet are constant.
 *
 * <p>Source: the lumped-capacitance solution of Newton's law of cooling; K. Skadron et al.,
 * "Temperature-aware microarchitecture", ISCA 2003 (HotSpot) model chips as RC networks of
 * which this is the one-node case.
 *
 * @param resistanceCelsiusPerWatt thermal resistance from die to inlet air, °C per W
 * @param timeConstant the RC time constant tau
 */
public record RcThermalModel(double resistanceCelsiusPerWatt, Duration timeConstant) {
  public RcThermalModel {
    if (!(resistanceCelsiusPerWatt > 0 && resistanceCelsiusPerWatt < 10)) {
      throw new IllegalArgumentException("resistanceCelsiusPerWatt must be within (0, 10) °C/W,"
          + " was " + resistanceCelsiusPerWatt + " (a server CPU is about 0.1-0.3 °C/W)");
    }
    if (timeConstant == null || timeConstant.isNegative() || timeConstant.isZero()) {
      throw new IllegalArgumentException("timeConstant must be a positive duration, was "
          + timeConstant + " (a CPU heat sink settles in tens of seconds)");
    }
  }

  /** The temperature the CPU settles at, in °C, under constant inlet and power. */
  public double steadyStateCelsius(double inletCelsius, double powerWatts) {
    return inletCelsius + resistanceCelsiusPerWatt * powerWatts;
  }

  /** The temperature after {@code dtSeconds} at constant inlet and power, starting at temp. */
  public double step(double tempCelsius, double inletCelsius, double powerWatts,
      double dtSeconds) {
    if (!(dtSeconds >= 0)) {
      throw new IllegalArgumentException("dtSeconds must be >= 0 s, was " + dtSeconds);
    }
    double steady = steadyStateCelsius(inletCelsius, powerWatts);
    return steady + (tempCelsius - steady) * Math.exp(-dtSeconds / timeConstantSeconds());
  }

  /** {@link #step(double, double, double, double)} for a {@link Duration}. */
  public double step(double tempCelsius, double inletCelsius, double powerWatts, Duration dt) {
    return step(tempCelsius, inletCelsius, powerWatts, seconds(dt));
  }

  /** The time constant in seconds. */
  public double timeConstantSeconds() {
    return seconds(timeConstant);
  }

  static double seconds(Duration duration) {
    return duration.getSeconds() + duration.getNano() / 1e9;
  }
}
