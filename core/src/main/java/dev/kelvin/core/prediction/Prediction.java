package dev.kelvin.core.prediction;

/**
 * What a model says about the near future. Every prediction names the model version that made
 * it, so that an action based on it can be traced to the model in the audit log.
 */
public sealed interface Prediction permits FailureRisk, LoadForecast, Anomaly {
  String modelVersion();
}
