package dev.kelvin.predictor.forecast;

/**
 * What a {@link PowerForecaster} did with the nodes it was shown since it was built.
 *
 * @param forecasts node forecasts made
 * @param skippedStale nodes skipped because they were stale
 * @param skippedTooShort nodes skipped because their window was too short
 * @param skippedMissingMetric nodes skipped because their window lacked a needed metric
 * @param failed nodes whose forecast failed inside the model, or came out not a number
 */
public record ForecastStats(long forecasts, long skippedStale, long skippedTooShort,
    long skippedMissingMetric, long failed) {}
