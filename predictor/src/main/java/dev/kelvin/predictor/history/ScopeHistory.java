package dev.kelvin.predictor.history;

import dev.kelvin.core.prediction.ForecastScope;

/**
 * What a backfill read back for one scope: the load model's steps ({@link ScopeSteps}) or a
 * node's memory error counters ({@link NodeCounters}).
 */
public sealed interface ScopeHistory permits ScopeSteps, NodeCounters {
  /** The node or site read. */
  ForecastScope scope();
}
