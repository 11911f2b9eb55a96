package dev.kelvin.predictor.serve;

import dev.kelvin.predictor.model.ModelKind;
import java.time.Duration;

/** Where {@link ModelPredictor} reports how long each kind's model took on a snapshot. */
@FunctionalInterface
public interface ModelTimings {
  /** Reports nowhere. */
  ModelTimings NONE = (kind, took) -> { };

  /** The model of {@code kind} took {@code took} on one whole snapshot (failed or not). */
  void record(ModelKind kind, Duration took);
}
