package dev.kelvin.predictor.load;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What training produced: the chosen model refitted on all training data, and how each
 * candidate did on the validation part (the latest share of the training time range).
 *
 * @param model the model, not yet written to a file (its version says {@code candidate})
 * @param algorithm the candidate that validated best
 * @param validation each candidate's scores on validation; empty when there was no validation
 *     data, in which case XGBoost was kept
 * @param trainedFrom the start of the earliest training value
 * @param trainedUntil the end of the training data: no value used ends after it
 * @param validationFrom where validation began
 * @param examples how many examples the final model was fitted on
 */
public record LoadTraining(LoadModel model, LoadAlgorithm algorithm,
    Map<LoadAlgorithm, LoadScores> validation, Instant trainedFrom, Instant trainedUntil,
    Instant validationFrom, int examples) {
  public LoadTraining {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(trainedFrom, "trainedFrom");
    Objects.requireNonNull(trainedUntil, "trainedUntil");
    Objects.requireNonNull(validationFrom, "validationFrom");
    validation = Map.copyOf(validation);
  }
}
