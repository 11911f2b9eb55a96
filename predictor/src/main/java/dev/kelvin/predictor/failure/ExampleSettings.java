package dev.kelvin.predictor.failure;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link FailureDataSource} makes its examples.
 *
 * @param horizon how far after an anchor a failure makes the label positive; empty for the
 *     source's own default (a model being evaluated passes its own horizon)
 * @param maxExamplesPerSystem the most examples a system keeps: beyond it, every positive is
 *     kept and each negative with one probability, weighted by its inverse
 * @param seed the seed of that sampling
 */
public record ExampleSettings(Optional<Duration> horizon, int maxExamplesPerSystem, long seed) {
  public static final int DEFAULT_MAX_EXAMPLES_PER_SYSTEM = 100_000;

  public ExampleSettings {
    Objects.requireNonNull(horizon, "horizon");
    horizon.ifPresent(h -> {
      if (h.isNegative() || h.isZero()) {
        throw new IllegalArgumentException("horizon must be > 0, was " + h);
      }
    });
    if (maxExamplesPerSystem < 100) {
      throw new IllegalArgumentException("maxExamplesPerSystem must be >= 100, was "
          + maxExamplesPerSystem);
    }
  }

  /** The source defaults: its own horizon, 100,000 examples per system, seed 1. */
  public static ExampleSettings defaults() {
    return new ExampleSettings(Optional.empty(), DEFAULT_MAX_EXAMPLES_PER_SYSTEM, 1);
  }

  public ExampleSettings withHorizon(Duration horizon) {
    return new ExampleSettings(Optional.of(horizon), maxExamplesPerSystem, seed);
  }
}
