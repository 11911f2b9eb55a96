package dev.kelvin.predictor.forecast;

import java.util.Objects;

/**
 * What training produced: the forecaster to wire into the control loop, and the report of how
 * it was trained and how well it did on held-out data.
 */
public record TrainedForecaster(PowerForecaster predictor, TrainingReport report) {
  public TrainedForecaster {
    Objects.requireNonNull(predictor, "predictor");
    Objects.requireNonNull(report, "report");
  }
}
