package dev.kelvin.predictor.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How a power forecaster was trained and how it did on the held-out, later part of its
 * history, next to the persistence baseline (power one horizon ahead = power now) on the very
 * same examples.
 *
 * @param modelVersion the version every forecast of this model carries
 * @param algorithm the regression that was trained
 * @param settings the settings it was trained with
 * @param examples where the history's readings went
 * @param testFrom the anchor time of the first held-out example; every training example and
 *     its label precede it
 * @param model the model's errors on the held-out examples
 * @param persistence the persistence baseline's errors on the same examples
 * @param trainingTime wall time of the whole training call: examples, fit and evaluation
 */
public record TrainingReport(String modelVersion, ForecastAlgorithm algorithm,
    ForecastSettings settings, ExampleCounts examples, Instant testFrom, ForecastMetrics model,
    ForecastMetrics persistence, Duration trainingTime) {
  public TrainingReport {
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(examples, "examples");
    Objects.requireNonNull(testFrom, "testFrom");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(persistence, "persistence");
    Objects.requireNonNull(trainingTime, "trainingTime");
  }

  /**
   * The share by which the model's RMSE is below the baseline's: 0.25 means 25 % smaller,
   * negative means the model is worse than persistence.
   */
  public double rmseImprovementRatio() {
    return persistence.rmseWatts() == 0 ? 0 : 1 - model.rmseWatts() / persistence.rmseWatts();
  }

  /** One line for logs and the operator. */
  public String summary() {
    return String.format(Locale.ROOT, "%s: held-out RMSE %.1f W vs persistence %.1f W (%+.0f %%),"
        + " MAE %.1f W vs %.1f W, R² %.3f vs %.3f; %d training and %d test examples from %d"
        + " nodes, horizon %s, trained in %d ms", modelVersion, model.rmseWatts(),
        persistence.rmseWatts(), -100 * rmseImprovementRatio(), model.maeWatts(),
        persistence.maeWatts(), model.r2(), persistence.r2(), examples.training(),
        examples.test(), examples.nodes(), settings.horizon(), trainingTime.toMillis());
  }
}
