package dev.kelvin.predictor.history;

import java.util.Locale;

/**
 * What a backfill request reads of each node: the load model's steps (mean power and
 * utilisation) or the failure and anomaly features' memory error counters. The backfill counts
 * the scopes of each apart, so {@code /metrics} says which read failed.
 */
public enum HistoryRead {
  LOAD,
  COUNTERS;

  /** The label value on {@code /metrics}: {@code load} or {@code counters}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
