package dev.kelvin.predictor.history;

import dev.kelvin.core.prediction.ForecastScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one backfill request brought back: the scopes read, and those that were not because the
 * history source could not answer (they keep the history of their live ticks only). A request
 * reads one kind: the load model's steps or the nodes' counters.
 *
 * @param failure why the source could not answer, with the backend; empty when all were read
 */
public record BackfillResult(List<ScopeHistory> filled, List<ForecastScope> failed,
    Optional<String> failure) {
  public BackfillResult {
    filled = List.copyOf(filled);
    failed = List.copyOf(failed);
    Objects.requireNonNull(failure, "failure");
  }

  /** The load model's steps read back. */
  public List<ScopeSteps> steps() {
    return filled.stream().filter(ScopeSteps.class::isInstance).map(ScopeSteps.class::cast)
        .toList();
  }

  /** The sites' failures read back. */
  public List<SiteFailures> failures() {
    return filled.stream().filter(SiteFailures.class::isInstance)
        .map(SiteFailures.class::cast).toList();
  }

  /** The nodes' counters read back. */
  public List<NodeCounters> counters() {
    return filled.stream().filter(NodeCounters.class::isInstance)
        .map(NodeCounters.class::cast).toList();
  }
}
