package dev.kelvin.predictor.serve;

/**
 * What the model of one kind did since start.
 *
 * @param ticks snapshots it was asked to predict on
 * @param predictions predictions it made
 * @param failures snapshots on which it threw (it made no prediction on those)
 */
public record KindStats(long ticks, long predictions, long failures) {}
