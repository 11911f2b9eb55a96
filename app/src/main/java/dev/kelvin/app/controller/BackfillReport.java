package dev.kelvin.app.controller;

import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.history.BackfillRetries;
import dev.kelvin.predictor.history.BackfillStats;
import dev.kelvin.predictor.history.HistoryRead;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The predictor's history backfill on {@code /health} and {@code /metrics}: DEGRADED while the
 * latest request could not be answered (those nodes and sites forecast from their live ticks
 * only, until a retry or a later request succeeds), UP otherwise.
 */
final class BackfillReport {
  private static final String SCOPES = "Node and site history reads, by outcome (filled, or"
      + " failed: the store did not answer, and the read is retried) and by what was read"
      + " (load: the load model's past day; counters: a new node's memory error counters;"
      + " failures: the failures of a new site's nodes)";
  private BackfillReport() {}

  static Component health(BackfillStats stats, String where) {
    if (stats.lastFailure().isPresent()) {
      BackfillStats.Failure failure = stats.lastFailure().get();
      return new Component(Status.DEGRADED, "could not read the predictor's history (the load"
          + " model's past day, new nodes' memory error counters, new sites' failure history)"
          + " back from " + where + " at "
          + failure.at() + " (" + failure.cause() + "); " + stats.scopesFailed()
          + " node and site read(s) failed so far, each asked again "
          + BackfillRetries.FIRST_RETRY.toSeconds() + " s later, then doubling up to "
          + BackfillRetries.MAX_RETRY.toMinutes() + " min; until then they forecast from their"
          + " live ticks only, without the past day, and a new node's failure features wait for "
          + NodeTelemetryFeatures.MIN_COUNTER_HISTORY.toMinutes() + " min of live counters"
          + " and know only the failures seen live since the start");
    }
    return new Component(Status.UP, String.format(Locale.ROOT, "%d node(s) and site(s) read"
        + " back from %s, %d waiting; %d queries, %.1f ms each on average", stats.scopesFilled(),
        where, stats.scopesPending(), stats.queries(), stats.meanQueryTime().toNanos() / 1e6));
  }

  /**
   * Registers the backfill's meters. Micrometer holds its state objects weakly, so the meters
   * read {@code owner} (which the controller holds for as long as it runs) rather than a method
   * reference of it, which would be collected and read NaN.
   */
  static <T> void bind(MeterRegistry registry, T owner, Function<T, BackfillStats> stats) {
    for (HistoryRead read : HistoryRead.values()) {
      FunctionCounter.builder("kelvin.predictor.backfill.scopes", owner,
              o -> stats.apply(o).scopesFilled(read)).tag("outcome", "filled")
          .tag("read", read.label())
          .description(SCOPES)
          .register(registry);
      FunctionCounter.builder("kelvin.predictor.backfill.scopes", owner,
              o -> stats.apply(o).scopesFailed(read)).tag("outcome", "failed")
          .tag("read", read.label())
          .description(SCOPES)
          .register(registry);
    }
    counter(registry, owner, stats, "kelvin.predictor.backfill.queries", "History queries"
        + " answered", BackfillStats::queries);
    counter(registry, owner, stats, "kelvin.predictor.backfill.query.seconds", "Time the"
        + " answered history queries took, added up", s -> s.queryTime().toNanos() / 1e9);
    counter(registry, owner, stats, "kelvin.predictor.backfill.points", "Steps with data read"
        + " back", BackfillStats::points);
    gauge(registry, owner, stats, "kelvin.predictor.backfill.pending", "Nodes and sites whose"
        + " history is being read back", BackfillStats::scopesPending);
    gauge(registry, owner, stats, "kelvin.predictor.backfill.failing", "1 while the latest"
        + " history request could not be answered", s -> s.lastFailure().isPresent() ? 1 : 0);
  }

  private static <T> void counter(MeterRegistry registry, T owner,
      Function<T, BackfillStats> stats, String name, String description,
      ToDoubleFunction<BackfillStats> value) {
    FunctionCounter.builder(name, owner, o -> value.applyAsDouble(stats.apply(o)))
        .description(description).register(registry);
  }

  private static <T> void gauge(MeterRegistry registry, T owner,
      Function<T, BackfillStats> stats, String name, String description,
      ToDoubleFunction<BackfillStats> value) {
    Gauge.builder(name, owner, o -> value.applyAsDouble(stats.apply(o)))
        .description(description).register(registry);
  }
}
