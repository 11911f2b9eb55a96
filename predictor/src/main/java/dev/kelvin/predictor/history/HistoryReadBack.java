package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A served model's side of the history backfill (the load model's steps, or the failure and anomaly
 * features' counters or failures): the scopes a tick saw for the first time, one request a tick for
 * them and for the failed scopes whose retry is due ({@link BackfillRetries}), and the answers,
 * which arrive on the backfill's threads and are taken at the next tick. Guarded by its owner,
 * except the queue of answers.
 */
public final class HistoryReadBack {
  private final HistoryBackfill backfill;
  private final BackfillRetries retries;
  /** Scopes first seen this tick, to ask the history of. */
  private final List<ForecastScope> fresh = new ArrayList<>();
  private final ConcurrentLinkedQueue<BackfillResult> arrived = new ConcurrentLinkedQueue<>();

  public HistoryReadBack(HistoryBackfill backfill, BackfillRetries retries) {
    this.backfill = Objects.requireNonNull(backfill, "backfill");
    this.retries = Objects.requireNonNull(retries, "retries");
  }

  /** {@code scope} has a history from this tick on: its past is asked at the end of the tick. */
  public void firstSeen(ForecastScope scope) {
    fresh.add(scope);
  }

  /**
   * Asks, in one request that returns at once, the steps from {@code firstStep} up to {@code
   * at} of the scopes first seen this tick and of those whose retry is due at {@code at}; a
   * site's retry brings the nodes {@code nodesOf} gives for it now.
   */
  public void askSteps(Instant at, long firstStep, Duration step,
      Function<SiteId, ? extends Collection<NodeId>> nodesOf) {
    ask(at, nodesOf, scopes -> backfill.fetch(scopes, firstStep, at, step, at, arrived::add));
  }

  /**
   * Asks, in one request that returns at once, the error counters over {@code span} before
   * {@code at}, per {@code step}, of the nodes first seen this tick and of those whose retry is
   * due at {@code at}.
   */
  public void askCounters(Instant at, Duration span, Duration step) {
    ask(at, site -> List.of(), scopes -> backfill.fetchCounters(scopes, at.minus(span), at,
        step, at, arrived::add));
  }

  /**
   * Asks, in one request that returns at once, the failures over {@code span} before {@code at}
   * of the nodes of the sites first seen this tick and of those whose retry is due at {@code at}.
   */
  public void askFailures(Instant at, Duration span) {
    ask(at, site -> List.of(), scopes -> backfill.fetchFailures(scopes, at.minus(span), at, at,
        arrived::add));
  }

  private void ask(Instant at, Function<SiteId, ? extends Collection<NodeId>> nodesOf,
      Consumer<List<ForecastScope>> fetch) {
    if (backfill.enabled()) {
      List<ForecastScope> scopes = retries.toAsk(fresh, at, nodesOf);
      if (!scopes.isEmpty()) {
        fetch.accept(scopes);
      }
    }
    fresh.clear();
  }

  /**
   * The histories read back since the last call. A scope not read is retried from {@code now}
   * on while it is {@code tracked}, and forgotten otherwise.
   */
  public List<ScopeHistory> arrived(Instant now, Predicate<ForecastScope> tracked) {
    List<ScopeHistory> filled = new ArrayList<>();
    for (BackfillResult result = arrived.poll(); result != null; result = arrived.poll()) {
      for (ScopeHistory history : result.filled()) {
        retries.filled(history.scope());
        filled.add(history);
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
  public void retainAll(Set<ForecastScope> tracked) {
    retries.retainAll(tracked);
  }
}
