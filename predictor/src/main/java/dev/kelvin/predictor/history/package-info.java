/**
 * History read back at start for the served models: {@link
 * dev.kelvin.predictor.history.HistoryBackfill} asks core's {@code HistorySource} port (InfluxDB
 * when a store is configured) for the steps a model needs before its live ticks, off the control
 * loop, in parallel and bounded, and hands each scope's steps back as an array, or each node's
 * memory error counters ({@link dev.kelvin.predictor.history.NodeCounters}) for the failure and
 * anomaly features; {@link dev.kelvin.predictor.history.HistoryReadBack} is a served model's side
 * of it; {@link
 * dev.kelvin.predictor.history.BackfillRetries} says when to ask again for the scopes a failed
 * request did not read (30 s, doubling up to 10 minutes, on the caller's clock). Without a store
 * it does nothing: the models build their histories from live ticks, as the embedded default.
 */
package dev.kelvin.predictor.history;
