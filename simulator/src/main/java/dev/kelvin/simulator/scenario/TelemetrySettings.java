package dev.kelvin.simulator.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often node telemetry is sampled for the rules, the predictor and the plots. Energy never
 * needs sampling: it is integrated exactly between events.
 *
 * @param sampleEvery the sampling period; empty for no sampling (the control loop then sees
 *     each node as of its tick)
 * @param window how many samples per node the snapshot's window keeps
 * @param cpuTempNoiseC the largest error of a CPU temperature reading, °C (bounded Gaussian
 *     noise, as {@code SensorNoise}); 0 for exact readings
 */
public record TelemetrySettings(Optional<Duration> sampleEvery, int window,
    double cpuTempNoiseC) {
  public TelemetrySettings {
    Objects.requireNonNull(sampleEvery, "sampleEvery");
    if (window < 1) {
      throw new IllegalArgumentException("the telemetry window needs at least 1 sample, was "
          + window);
    }
    if (!(cpuTempNoiseC >= 0 && cpuTempNoiseC <= 10)) {
      throw new IllegalArgumentException("cpuTempNoiseC must be within 0..10 °C, was "
          + cpuTempNoiseC);
    }
  }

  /** Exact sensors. */
  public TelemetrySettings(Optional<Duration> sampleEvery, int window) {
    this(sampleEvery, window, 0);
  }
}
