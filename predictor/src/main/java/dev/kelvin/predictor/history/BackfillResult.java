package dev.kelvin.predictor.history;

import dev.kelvin.core.prediction.ForecastScope;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one backfill request brought back: the scopes read, and those that were not because the
 * history source could not answer (they keep the history of their live ticks only).
 *
 * @param failure why the source could not answer, with the backend; empty when all were read
 */
public record BackfillResult(List<ScopeSteps> filled, List<ForecastScope> failed,
    Optional<String> failure) {
  public BackfillResult {
    filled = List.copyOf(filled);
    failed = List.copyOf(failed);
    Objects.requireNonNull(failure, "failure");
  }
}
