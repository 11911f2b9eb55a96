package dev.kelvin.predictor.load;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.predictor.history.BackfillResult;
import dev.kelvin.predictor.history.BackfillRetries;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.history.ScopeSteps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The served load model's side of the history backfill: the scopes a tick saw for the first
 * time, one request a tick for them and for the failed scopes whose retry is due ({@link
 * BackfillRetries}), and the answers, which arrive on the backfill's threads and are taken at
 * the next tick. Guarded by the served model, except the queue of answers.
 */
final class HistoryReadBack {
  private final HistoryBackfill backfill;
  private final BackfillRetries retries;
  /** Scopes first seen this tick, to ask the history of. */
  private final List<ForecastScope> fresh = new ArrayList<>();
  private final ConcurrentLinkedQueue<BackfillResult> arrived = new ConcurrentLinkedQueue<>();

  HistoryReadBack(HistoryBackfill backfill, BackfillRetries retries) {
    this.backfill = Objects.requireNonNull(backfill, "backfill");
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** {@code scope} has a history from this tick on: its past is asked at the end of the tick. */
  void firstSeen(ForecastScope scope) {
    fresh.add(scope);
  }

  /**
   * Asks, in one request that returns at once, the steps from {@code firstStep} up to {@code
   * at} of the scopes first seen this tick and of those whose retry is due at {@code at}; a
   * site's retry brings the nodes {@code nodesOf} gives for it now.
   */
  void ask(Instant at, long firstStep, Duration step,
      Function<SiteId, ? extends Collection<NodeId>> nodesOf) {
    if (backfill.enabled()) {
      List<ForecastScope> scopes = retries.toAsk(fresh, at, nodesOf);
      if (!scopes.isEmpty()) {
        backfill.fetch(scopes, firstStep, at, step, at, arrived::add);
      }
    }
    fresh.clear();
  }

  /**
   * The histories read back since the last call. A scope not read is retried from {@code now}
   * on while it is {@code tracked}, and forgotten otherwise.
   */
  List<ScopeSteps> arrived(Instant now, Predicate<ForecastScope> tracked) {
    List<ScopeSteps> filled = new ArrayList<>();
    for (BackfillResult result = arrived.poll(); result != null; result = arrived.poll()) {
      for (ScopeSteps steps : result.filled()) {
        retries.filled(steps.scope());
        filled.add(steps);
      }
      for (ForecastScope scope : result.failed()) {
        retries.failed(scope, now);
        if (!tracked.test(scope)) {
          retries.forget(scope);
        }
      }
    }
    return filled;
  }

  /** Retries no scope but those in {@code tracked} (the others' histories were dropped). */
  void retainAll(Set<ForecastScope> tracked) {
    retries.retainAll(tracked);
  }
}
