package dev.kelvin.predictor.history;

import java.util.Locale;

/**
 * What a backfill request reads: of each node, the load model's steps (mean power and
 * utilisation) or the failure and anomaly features' memory error counters; of each site, its
 * nodes' failures. The backfill counts the scopes of each apart, so {@code /metrics} says which
 * read failed.
 */
public enum HistoryRead {
  LOAD,
  COUNTERS,
  FAILURES;

  /** The label value on {@code /metrics}: {@code load}, {@code counters} or {@code failures}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
