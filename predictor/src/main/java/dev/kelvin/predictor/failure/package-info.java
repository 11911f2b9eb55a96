/**
 * Failure models: which nodes fail within a horizon. Sources ({@link
 * dev.kelvin.predictor.failure.FailureDataSource}) turn data into labelled {@link
 * dev.kelvin.predictor.failure.FailureExamples}; {@link dev.kelvin.predictor.failure.FailureSplit}
 * cuts them by time with an embargo; {@link dev.kelvin.predictor.failure.FailureTrainer}
 * compares a random forest with XGBoost, calibrates the better and writes a model file; {@link
 * dev.kelvin.predictor.failure.FailureModel} scores with it, and {@link
 * dev.kelvin.predictor.failure.FailureEvaluation} measures it against the baseline "failed in
 * the last 7 days".
 */
package dev.kelvin.predictor.failure;
