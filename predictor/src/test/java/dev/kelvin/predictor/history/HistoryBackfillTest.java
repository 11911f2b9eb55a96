package dev.kelvin.predictor.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Requests against a fake history source, each query run at once. */
class HistoryBackfillTest {
  /** A nanosecond count that moves 1 ms each time a query is timed. */
  private final java.util.concurrent.atomic.AtomicLong nanos =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.function.LongSupplier ticks = () -> nanos.addAndGet(1_000_000);

  private static final Duration STEP = Duration.ofMinutes(5);
  private static final Instant T0 = Instant.parse("2026-01-02T00:00:00Z");
  private static final long FIRST_STEP = T0.toEpochMilli() / STEP.toMillis();
  /** Three whole steps and a third begun. */
  private static final Instant TO = T0.plus(STEP.multipliedBy(3)).plusSeconds(90);
  private static final SiteId SITE = SiteId.of("site-a");

  private final FakeHistory history = new FakeHistory();
  private final List<BackfillResult> delivered = new ArrayList<>();

  private static NodeId node(int n) {
    return NodeId.of("site-a", "n" + n);
  }

  private List<ForecastScope> siteOf(int nodes) {
    List<ForecastScope> scopes = new ArrayList<>(List.of(ForecastScope.site(SITE)));
    for (int n = 0; n < nodes; n++) {
      int watts = 100 + n;
      history.node(node(n), NodeMetric.POWER_WATTS, at -> (double) watts);
      scopes.add(ForecastScope.node(node(n)));
    }
    return scopes;
  }

  private CompletableFuture<Void> fetch(HistoryBackfill backfill, List<ForecastScope> scopes) {
    return backfill.fetch(scopes, FIRST_STEP, TO, STEP, TO, delivered::add);
  }

  @Test
  void nodes_come_back_in_chunks_and_the_site_last_summed_from_them() {
    HistoryBackfill backfill = HistoryBackfill.of(history, Runnable::run, ticks);

    assertThat(fetch(backfill, siteOf(600))).isCompleted();

    assertThat(delivered).extracting(result -> result.filled().size())
        .containsExactly(256, 256, 88 + 1);
    ScopeSteps site = delivered.get(2).steps().stream()
        .filter(steps -> steps.scope().equals(ForecastScope.site(SITE))).findFirst().orElseThrow();
    float sum = 600 * 100 + 600 * 599 / 2;
    assertThat(site.power()).as("three steps and the begun one").containsExactly(sum, sum, sum,
        sum);
    assertThat(site.utilization()).as("no node reported utilisation").isEmpty();
    assertThat(site.firstStep()).isEqualTo(FIRST_STEP);
    assertThat(backfill.stats().scopesFilled()).isEqualTo(601);
    assertThat(backfill.stats().queries()).as("power and utilisation per node").isEqualTo(1_200);
    assertThat(backfill.stats().queryTime()).as("1 ms on the given clock per query")
        .isEqualTo(Duration.ofMillis(1_200));
  }

  @Test
  void counters_come_back_per_node_in_chunks_with_both_counters_last_per_step() {
    List<ForecastScope> nodes = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      double base = 10 * n;
      history.nodeLast(node(n), NodeMetric.ECC_CORRECTABLE_TOTAL,
          at -> base + (at.toEpochMilli() - T0.toEpochMilli()) / STEP.toMillis());
      history.nodeLast(node(n), NodeMetric.ECC_UNCORRECTABLE_TOTAL, at -> 1.0);
      nodes.add(ForecastScope.node(node(n)));
    }
    HistoryBackfill backfill = HistoryBackfill.of(history, Runnable::run, ticks);

    assertThat(backfill.fetchCounters(nodes, T0, TO, STEP, TO, delivered::add)).isCompleted();

    assertThat(delivered).extracting(result -> result.counters().size())
        .containsExactly(256, 44);
    NodeCounters seventh = delivered.get(0).counters().get(7);
    assertThat(seventh.node()).isEqualTo(node(7));
    assertThat(seventh.corrected()).extracting(HistorySource.MetricPoint::value)
        .as("three whole steps and the begun one").containsExactly(70.0, 71.0, 72.0, 73.0);
    assertThat(seventh.uncorrected()).extracting(HistorySource.MetricPoint::at)
        .startsWith(T0, T0.plus(STEP));
    assertThat(backfill.stats().queries()).as("two counters per node").isEqualTo(600);
    assertThat(backfill.stats().scopesFilled(HistoryRead.COUNTERS)).isEqualTo(300);
    assertThat(backfill.stats().scopesFilled(HistoryRead.LOAD)).isZero();
    assertThat(delivered).allSatisfy(result -> assertThat(result.steps()).isEmpty());
  }

  @Test
  void counters_are_not_read_for_a_site() {
    HistoryBackfill backfill = HistoryBackfill.of(history, Runnable::run, ticks);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> backfill.fetchCounters(
        List.of(ForecastScope.node(node(0)), ForecastScope.site(SITE)), T0, TO, STEP, TO,
        delivered::add)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per node").hasMessageContaining("site-a");
    assertThat(history.asked()).isEmpty();
    assertThat(delivered).isEmpty();
  }

  @Test
  void a_step_without_data_is_unknown_never_zero() {
    history.node(node(0), NodeMetric.POWER_WATTS,
        at -> at.equals(T0.plus(STEP)) ? null : 150.0);
    HistoryBackfill backfill = HistoryBackfill.of(history, Runnable::run, ticks);

    fetch(backfill, List.of(ForecastScope.node(node(0))));

    ScopeSteps steps = delivered.get(0).steps().get(0);
    assertThat(steps.power()).containsExactly(150f, Float.NaN, 150f, 150f);
    assertThat(steps.utilization()).isEmpty();
  }

  @Test
  void a_source_that_fails_midway_hands_on_what_it_read_and_fails_the_rest_and_the_site() {
    List<ForecastScope> scopes = siteOf(300);
    history.node(node(257), NodeMetric.POWER_WATTS, at -> {
      history.down();
      return 1.0;
    });
    HistoryBackfill backfill = HistoryBackfill.of(history, Runnable::run, ticks);

    fetch(backfill, scopes);

    BackfillResult last = delivered.get(delivered.size() - 1);
    assertThat(delivered.get(0).filled()).hasSize(256);
    assertThat(last.filled()).as("node 256 was read before").hasSize(1);
    assertThat(last.failed()).hasSize(300 - 257 + 1).contains(ForecastScope.site(SITE));
    assertThat(last.failure()).hasValueSatisfying(cause -> assertThat(cause)
        .contains("no answer (down?)"));
    assertThat(history.asked()).as("no question after the failure")
        .hasSize(257 * 2 + 1 + 1);
    BackfillStats stats = backfill.stats();
    assertThat(stats.scopesFilled()).isEqualTo(257);
    assertThat(stats.scopesFailed()).isEqualTo(44);
    assertThat(stats.scopesPending()).isZero();
    assertThat(stats.lastFailure()).map(BackfillStats.Failure::at).hasValue(TO);
  }

  @Test
  void a_request_that_succeeds_clears_the_last_failure() {
    HistoryBackfill backfill = HistoryBackfill.of(history.down(), Runnable::run, ticks);
    fetch(backfill, List.of(ForecastScope.node(node(0))));
    assertThat(backfill.stats().lastFailure()).isPresent();

    history.up();
    fetch(backfill, List.of(ForecastScope.node(node(1))));

    assertThat(backfill.stats().lastFailure()).isEmpty();
    assertThat(backfill.stats().scopesFailed()).isEqualTo(1);
    assertThat(backfill.stats().scopesFilled()).isEqualTo(1);
  }

  @Test
  void none_asks_nothing_and_is_not_enabled() {
    HistoryBackfill none = HistoryBackfill.none();

    assertThat(none.enabled()).isFalse();
    assertThat(none.stats().requests()).isZero();
  }

  @Test
  void a_closed_backfill_fails_a_request_without_throwing() {
    HistoryBackfill backfill = HistoryBackfill.of(history, 1, ticks);
    backfill.close();

    assertThat(fetch(backfill, siteOf(3))).isCompleted();

    assertThat(delivered).hasSize(1);
    assertThat(delivered.get(0).failed()).hasSize(4);
    assertThat(delivered.get(0).failure()).hasValueSatisfying(cause -> assertThat(cause)
        .contains("closed"));
    assertThat(history.asked()).isEmpty();
    assertThat(backfill.stats().scopesPending()).isZero();
  }
}
