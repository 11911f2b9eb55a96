package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.history.BackfillStats;
import dev.kelvin.predictor.history.FakeHistory;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.serve.ServedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served load model (persistence, so a forecast is the last whole step) started a day into
 * its series, with its history read back from a fake source, and read again after a failure.
 */
class LoadServedModelBackfillTest {
  /** A nanosecond count that moves 1 ms each time a query is timed. */
  private final java.util.concurrent.atomic.AtomicLong nanos =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.function.LongSupplier ticks = () -> nanos.addAndGet(1_000_000);

  private static final LoadHorizons FIVE = LoadHorizons.forStep(Duration.ofMinutes(5));
  private static final Duration STEP = FIVE.step();
  private static final NodeId A = NodeId.of("site-a", "n01");
  private static final NodeId B = NodeId.of("site-a", "n02");
  private static final SiteId SITE = SiteId.of("site-a");
  /** The start of the step the controller (re)starts in, a day into the series. */
  private static final Instant STEP_START = LoadFixtures.START.plus(Duration.ofDays(1));

  @TempDir
  Path folder;
  private ModelFile file;
  private final FakeHistory history = new FakeHistory();
  private final List<NodeId> reporting = new ArrayList<>();

  @BeforeEach
  void writeAPersistenceModel() {
    file = LoadFixtures.persistenceFile(folder.resolve("load.kelvin"), FIVE);
  }

  private ServedModel served(HistoryBackfill backfill) {
    return new LoadModelLoader(ZoneOffset.UTC).withHistory(backfill).load(file);
  }

  /** Node A drew 200 W at 0.3 and node B 100 W at 0.5 in every step of the day before. */
  private void aDayBefore() {
    history.node(A, NodeMetric.POWER_WATTS, at -> before(at) ? 200.0 : null)
        .node(A, NodeMetric.CPU_UTIL_RATIO, at -> before(at) ? 0.3 : null)
        .node(B, NodeMetric.POWER_WATTS, at -> before(at) ? 100.0 : null)
        .node(B, NodeMetric.CPU_UTIL_RATIO, at -> before(at) ? 0.5 : null);
  }

  private static boolean before(Instant stepStart) {
    return stepStart.isBefore(STEP_START);
  }

  /** Every reporting node at {@code watts} and utilisation 0.9. */
  private ClusterSnapshot snapshot(Instant at, double watts) {
    List<NodeView> views = new ArrayList<>();
    for (NodeId node : reporting) {
      NodeReading latest = Readings.reading().node(node).at(at)
          .with(NodeMetric.POWER_WATTS, watts).with(NodeMetric.CPU_UTIL_RATIO, 0.9).build();
      views.add(new NodeView(node, RackId.of("r1"), latest, List.of(latest), at, false));
    }
    return ClusterSnapshot.of(at, views);
  }

  private static List<LoadForecast> of(List<Prediction> predictions, ForecastScope scope) {
    return predictions.stream().map(LoadForecast.class::cast)
        .filter(forecast -> forecast.scope().equals(scope)).toList();
  }

  @Test
  void history_read_back_at_start_serves_forecasts_at_the_first_tick() {
    aDayBefore();
    reporting.addAll(List.of(A, B));
    ServedModel served = served(HistoryBackfill.of(history, Runnable::run, ticks));

    List<Prediction> first = served.predict(snapshot(STEP_START.plusSeconds(40), 999));

    assertThat(of(first, ForecastScope.node(A))).hasSize(3).allSatisfy(forecast -> {
      assertThat(forecast.powerWatts()).isEqualTo(200);
      assertThat(forecast.utilizationRatio().getAsDouble()).isCloseTo(0.3, within(1e-6));
    });
    assertThat(of(first, ForecastScope.node(B))).hasSize(3)
        .allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(100));
    assertThat(of(first, ForecastScope.site(SITE))).hasSize(3).allSatisfy(forecast -> {
      assertThat(forecast.powerWatts()).as("the sum of its nodes'").isEqualTo(300);
      assertThat(forecast.utilizationRatio().getAsDouble()).as("the mean of its nodes'")
          .isCloseTo(0.4, within(1e-6));
    });
  }

  @Test
  void it_asks_each_node_a_day_and_a_step_before_its_first_live_step_up_to_the_first_tick_once() {
    aDayBefore();
    reporting.add(A);
    ServedModel served = served(HistoryBackfill.of(history, Runnable::run, ticks));
    Instant firstTick = STEP_START.plusSeconds(40);

    served.predict(snapshot(firstTick, 999));
    served.predict(snapshot(firstTick.plusSeconds(1), 999));

    assertThat(history.asked()).hasSize(2).allSatisfy(asked -> {
      assertThat(asked.from()).isEqualTo(STEP_START.minus(Duration.ofDays(1)).minus(STEP));
      assertThat(asked.to()).isEqualTo(firstTick);
      assertThat(asked.step()).isEqualTo(STEP);
    });
    assertThat(history.asked()).extracting(FakeHistory.Asked::series)
        .as("the site is summed from its nodes, not asked").containsExactlyInAnyOrder(
            "site-a/n01/power_w", "site-a/n01/cpu_util");
  }

  @Test
  void without_a_source_the_first_tick_has_no_forecast_as_before() {
    aDayBefore();
    reporting.add(A);
    ServedModel served = served(HistoryBackfill.none());

    assertThat(served.predict(snapshot(STEP_START.plusSeconds(40), 999))).isEmpty();
    assertThat(history.asked()).isEmpty();
  }

  @Test
  void an_unavailable_history_leaves_the_model_empty_counts_it_and_asks_no_further() {
    reporting.addAll(List.of(A, B));
    HistoryBackfill backfill = HistoryBackfill.of(history.down(), Runnable::run, ticks);
    ServedModel served = served(backfill);

    assertThat(served.predict(snapshot(STEP_START.plusSeconds(40), 250))).isEmpty();

    BackfillStats stats = backfill.stats();
    assertThat(history.asked()).as("one failed question, not one per node").hasSize(1);
    assertThat(stats.scopesFailed()).as("two nodes and their site").isEqualTo(3);
    assertThat(stats.scopesFilled()).isZero();
    assertThat(stats.scopesPending()).isZero();
    assertThat(stats.lastFailure()).hasValueSatisfying(failure -> {
      assertThat(failure.cause()).startsWith("InfluxDB at 127.0.0.1:1 database kelvin");
      assertThat(failure.at()).isEqualTo(STEP_START.plusSeconds(40));
    });

    List<Prediction> later = served.predict(snapshot(STEP_START.plus(STEP).plusSeconds(1), 250));
    assertThat(of(later, ForecastScope.node(A))).as("the live path still forecasts")
        .hasSize(3).allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(250));
  }

  @Test
  void a_failed_history_is_asked_again_30_s_later_and_then_serves_forecasts_from_the_past() {
    aDayBefore();
    reporting.addAll(List.of(A, B));
    HistoryBackfill backfill = HistoryBackfill.of(history.down(), Runnable::run, ticks);
    ServedModel served = served(backfill);
    Instant failedAt = STEP_START.plusSeconds(40);
    served.predict(snapshot(failedAt, 250));
    history.up();

    assertThat(served.predict(snapshot(failedAt.plusSeconds(29), 250))).isEmpty();
    assertThat(history.asked()).as("no retry before 30 s").hasSize(1);
    List<Prediction> retried = served.predict(snapshot(failedAt.plusSeconds(30), 250));

    assertThat(of(retried, ForecastScope.node(A))).hasSize(3)
        .allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(200));
    assertThat(of(retried, ForecastScope.site(SITE))).hasSize(3)
        .allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(300));
    assertThat(backfill.stats().lastFailure()).as("/health UP again").isEmpty();
    assertThat(backfill.stats().scopesFilled()).as("two nodes and their site").isEqualTo(3);
  }

  @Test
  void a_history_that_stays_down_is_asked_at_30_90_and_210_s_after_the_first_failure() {
    reporting.add(A);
    ServedModel served = served(HistoryBackfill.of(history.down(), Runnable::run, ticks));
    Instant first = STEP_START.plusSeconds(40);
    List<Long> askedAt = new ArrayList<>();
    for (int s = 0; s <= 400; s++) {
      int before = history.asked().size();
      served.predict(snapshot(first.plusSeconds(s), 250));
      if (history.asked().size() > before) {
        askedAt.add((long) s);
      }
    }

    assertThat(askedAt).as("one question a request: the first fails it")
        .containsExactly(0L, 30L, 90L, 210L);
  }

  @Test
  void a_sites_retry_sums_the_nodes_reporting_at_retry_time() {
    aDayBefore();
    reporting.add(A);
    ServedModel served = served(HistoryBackfill.of(history.down(), Runnable::run, ticks));
    Instant failedAt = STEP_START.plusSeconds(40);
    served.predict(snapshot(failedAt, 250));
    history.up();
    reporting.add(B);
    served.predict(snapshot(failedAt.plusSeconds(10), 250));

    List<Prediction> retried = served.predict(snapshot(failedAt.plusSeconds(30), 250));

    assertThat(of(retried, ForecastScope.site(SITE))).as("n01 and n02, read again").hasSize(3)
        .allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(300));
    assertThat(history.asked()).extracting(FakeHistory.Asked::series)
        .filteredOn("site-a/n02/power_w"::equals).as("n02 read when new and for the site")
        .hasSize(2);
  }

  @Test
  void the_boundary_step_holds_the_live_samples_only_and_counts_as_covered() {
    history.node(A, NodeMetric.POWER_WATTS,
        at -> at.equals(STEP_START) ? 1_000.0 : before(at) ? 200.0 : null);
    reporting.add(A);
    ServedModel served = served(HistoryBackfill.of(history, Runnable::run, ticks));

    Instant lateInStep = STEP_START.plus(Duration.ofMinutes(3));
    assertThat(of(served.predict(snapshot(lateInStep, 300)), ForecastScope.node(A)).get(0)
        .powerWatts()).as("the step before, read back").isEqualTo(200);
    served.predict(snapshot(lateInStep.plus(Duration.ofMinutes(1)), 300));

    List<Prediction> next = served.predict(snapshot(STEP_START.plus(STEP), 300));
    assertThat(of(next, ForecastScope.node(A))).as("the boundary step: known, the live mean")
        .hasSize(3).allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(300));
  }

  @Test
  void history_that_answers_later_is_merged_and_forecast_at_the_next_tick() {
    aDayBefore();
    reporting.add(A);
    Queue<Runnable> queries = new ArrayDeque<>();
    Executor later = queries::add;
    HistoryBackfill backfill = HistoryBackfill.of(history, later, ticks);
    ServedModel served = served(backfill);

    assertThat(served.predict(snapshot(STEP_START.plusSeconds(40), 999))).as("not waited for")
        .isEmpty();
    assertThat(backfill.stats().scopesPending()).isEqualTo(2);
    while (!queries.isEmpty()) {
      queries.poll().run();
    }

    List<Prediction> next = served.predict(snapshot(STEP_START.plusSeconds(41), 999));
    assertThat(of(next, ForecastScope.node(A))).hasSize(3)
        .allSatisfy(forecast -> assertThat(forecast.powerWatts()).isEqualTo(200));
    assertThat(backfill.stats().scopesFilled()).isEqualTo(2);
    assertThat(backfill.stats().scopesPending()).isZero();
  }

  @Test
  void a_large_sites_history_read_back_later_is_forecast_over_the_ticks_that_follow() {
    for (int n = 0; n < 1_000; n++) {
      NodeId node = NodeId.of("site-a", "m" + n);
      reporting.add(node);
      history.node(node, NodeMetric.POWER_WATTS, at -> before(at) ? 200.0 : null);
    }
    Queue<Runnable> queries = new ArrayDeque<>();
    ServedModel served = served(HistoryBackfill.of(history, queries::add, ticks));
    served.predict(snapshot(STEP_START.plusSeconds(40), 999));
    served.predict(snapshot(STEP_START.plusSeconds(41), 999));
    while (!queries.isEmpty()) {
      queries.poll().run();
    }

    List<Prediction> first = served.predict(snapshot(STEP_START.plusSeconds(42), 999));
    assertThat(first).as("256 scopes at the first tick after, not all 1,001").hasSize(256 * 3);
    for (int tick = 43; tick < 46; tick++) {
      served.predict(snapshot(STEP_START.plusSeconds(tick), 999));
    }
    assertThat(served.predict(snapshot(STEP_START.plusSeconds(46), 999)))
        .as("every node and the site within a few ticks").hasSize(1_001 * 3)
        .allSatisfy(forecast -> assertThat(((LoadForecast) forecast).powerWatts())
            .isIn(200.0, 200_000.0));
  }
}
