package dev.kelvin.app.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import dev.kelvin.predictor.history.BackfillStats;
import dev.kelvin.predictor.history.HistoryRead;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The backfill's part of /health and /metrics, from its figures. */
class BackfillReportTest {
  private static final String WHERE = "http://127.0.0.1:18086 database kelvin";
  private static final Instant AT = Instant.parse("2026-01-02T00:00:40Z");

  private static BackfillStats stats(long filled, long failed, Optional<BackfillStats.Failure>
      failure) {
    return new BackfillStats(true, 1, Map.of(HistoryRead.LOAD, filled), Map.of(HistoryRead.LOAD,
        failed), 0, 2 * filled, 576 * filled, Duration.ofMillis(8 * filled), failure);
  }

  @Test
  void history_read_back_is_up_with_its_figures() {
    Component health = BackfillReport.health(stats(201, 0, Optional.empty()), WHERE);

    assertThat(health.status()).isEqualTo(Status.UP);
    assertThat(health.detail()).isEqualTo("201 node(s) and site(s) read back from " + WHERE
        + ", 0 waiting; 402 queries, 4.0 ms each on average");
  }

  @Test
  void an_unanswered_request_is_degraded_naming_the_cause_and_what_it_costs() {
    Component health = BackfillReport.health(stats(0, 3, Optional.of(new BackfillStats.Failure(
        AT, "InfluxDB at 127.0.0.1:18086 database kelvin: no answer"))), WHERE);

    assertThat(health.status()).isEqualTo(Status.DEGRADED);
    assertThat(health.detail()).contains("at " + AT, "no answer",
        "3 node and site read(s) failed so far, each asked again 30 s later, then doubling up"
        + " to 10 min; until then they forecast from their live ticks only",
        "new nodes' memory error counters", "failure features wait for 15 min of live counters");
  }

  @Test
  void a_retry_that_answers_is_up_again() {
    Component health = BackfillReport.health(stats(3, 3, Optional.empty()), WHERE);

    assertThat(health.status()).isEqualTo(Status.UP);
    assertThat(health.detail()).startsWith("3 node(s) and site(s) read back");
  }

  @Test
  void metrics_count_the_counter_reads_apart_from_the_load_reads() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BackfillStats stats = new BackfillStats(true, 2, Map.of(HistoryRead.LOAD, 5L,
        HistoryRead.COUNTERS, 4L), Map.of(HistoryRead.COUNTERS, 2L), 0, 18, 0, Duration.ZERO,
        Optional.empty());
    BackfillReport.bind(registry, stats, held -> held);

    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "filled")
        .tag("read", "counters").functionCounter().count()).isEqualTo(4);
    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "failed")
        .tag("read", "counters").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "failed")
        .tag("read", "load").functionCounter().count()).isZero();
    assertThat(stats.scopesFilled()).isEqualTo(9);
  }

  @Test
  void metrics_count_scopes_by_outcome_queries_and_a_failing_flag() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BackfillStats stats = stats(10, 3, Optional.of(new BackfillStats.Failure(AT, "down")));
    BackfillReport.bind(registry, stats, held -> held);

    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "filled")
        .tag("read", "load").functionCounter().count()).isEqualTo(10);
    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "failed")
        .tag("read", "load").functionCounter().count()).isEqualTo(3);
    assertThat(registry.get("kelvin.predictor.backfill.queries").functionCounter().count())
        .isEqualTo(20);
    assertThat(registry.get("kelvin.predictor.backfill.query.seconds").functionCounter()
        .count()).isEqualTo(0.08);
    assertThat(registry.get("kelvin.predictor.backfill.failing").gauge().value()).isEqualTo(1);
  }

  @Test
  void an_unanswered_request_says_new_sites_know_only_the_failures_seen_live() {
    Component health = BackfillReport.health(stats(0, 1, Optional.of(new BackfillStats.Failure(
        AT, "InfluxDB at 127.0.0.1:18086 database kelvin: no answer"))), WHERE);

    assertThat(health.detail()).contains("new sites' failure history",
        "know only the failures seen live since the start");
  }

  @Test
  void metrics_count_the_failure_reads_apart_from_the_others() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    BackfillStats stats = new BackfillStats(true, 2, Map.of(HistoryRead.FAILURES, 3L,
        HistoryRead.COUNTERS, 4L), Map.of(HistoryRead.FAILURES, 1L), 0, 7, 0, Duration.ZERO,
        Optional.empty());
    BackfillReport.bind(registry, stats, held -> held);

    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "filled")
        .tag("read", "failures").functionCounter().count()).isEqualTo(3);
    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "failed")
        .tag("read", "failures").functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("kelvin.predictor.backfill.scopes").tag("outcome", "failed")
        .tag("read", "counters").functionCounter().count()).isZero();
  }
}
