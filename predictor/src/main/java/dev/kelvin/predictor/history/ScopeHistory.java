package dev.kelvin.predictor.history;

import dev.kelvin.core.prediction.ForecastScope;

/**
 * What a backfill read back for one scope: the load model's steps ({@link ScopeSteps}), a
 * node's memory error counters ({@link NodeCounters}) or a site's failures ({@link
 * SiteFailures}).
 */
public sealed interface ScopeHistory permits ScopeSteps, NodeCounters, SiteFailures {
  /** The node or site read. */
  ForecastScope scope();
}
