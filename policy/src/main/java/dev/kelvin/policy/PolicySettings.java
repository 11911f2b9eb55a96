package dev.kelvin.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * How the thermal rules act: the size of one CPU frequency step, how far below its limit a CPU
 * must cool before its cap is raised again, the limit assumed for nodes that report none, the
 * lease every proposed cap carries, and the settle time: how long a cap must have held before
 * the rules change it again, and how long a CPU must have stayed cool before its cap is raised.
 * One thermal time constant (about 30 s for a server CPU and heat sink) lets the last step show
 * its effect before the next, so the rules neither overshoot nor hunt.
 */
public record PolicySettings(double capStepMhz, double releaseHysteresisCelsius,
    double defaultCpuTempLimitCelsius, Duration capLease, Duration settleTime) {

  public PolicySettings {
    if (!(capStepMhz > 0 && capStepMhz <= 5_000)) {
      throw new IllegalArgumentException("capStepMhz must be within (0, 5000] MHz, was "
          + capStepMhz + " (a value in kHz, or a step of 0 that would never change anything?)");
    }
    if (!(releaseHysteresisCelsius >= 0 && releaseHysteresisCelsius <= 50)) {
      throw new IllegalArgumentException("releaseHysteresisCelsius must be within 0..50 °C, was "
          + releaseHysteresisCelsius + " (a negative hysteresis would let caps flap)");
    }
    if (!(defaultCpuTempLimitCelsius >= 30 && defaultCpuTempLimitCelsius <= 150)) {
      throw new IllegalArgumentException("defaultCpuTempLimitCelsius must be within 30..150 °C,"
          + " was " + defaultCpuTempLimitCelsius + " (millidegrees or Fahrenheit?)");
    }
    Objects.requireNonNull(capLease, "capLease");
    if (capLease.isNegative() || capLease.isZero()) {
      throw new IllegalArgumentException("capLease must be a positive duration, was " + capLease
          + ": a cap without a lease could leave a node throttled by a dead controller");
    }
    Objects.requireNonNull(settleTime, "settleTime");
    if (settleTime.isNegative() || settleTime.compareTo(capLease) >= 0) {
      throw new IllegalArgumentException("settleTime must be within 0.." + capLease
          + " (shorter than the cap lease, or caps would lapse before the rules may act), was "
          + settleTime);
    }
  }

  /** 200 MHz steps, 8 °C hysteresis, 85 °C default limit, 2 minute leases, 30 s settle time. */
  public static PolicySettings defaults() {
    return new PolicySettings(200, 8, 85, Duration.ofMinutes(2), Duration.ofSeconds(30));
  }

  /** These settings with another settle time. */
  public PolicySettings withSettleTime(Duration value) {
    return new PolicySettings(capStepMhz, releaseHysteresisCelsius, defaultCpuTempLimitCelsius,
        capLease, value);
  }
}
