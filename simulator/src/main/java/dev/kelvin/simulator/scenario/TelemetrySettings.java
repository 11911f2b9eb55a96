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
 */
public record TelemetrySettings(Optional<Duration> sampleEvery, int window) {
  public TelemetrySettings {
    Objects.requireNonNull(sampleEvery, "sampleEvery");
    if (window < 1) {
      throw new IllegalArgumentException("the telemetry window needs at least 1 sample, was "
          + window);
    }
  }
}
