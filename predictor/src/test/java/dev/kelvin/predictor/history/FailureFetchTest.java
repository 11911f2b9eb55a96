package dev.kelvin.predictor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link HistoryBackfill#fetchFailures}: one read per site, counted as failure reads. */
class FailureFetchTest {
  private static final Instant T0 = Instant.parse("2026-01-02T00:00:00Z");
  private static final Instant TO = T0.plus(Duration.ofDays(30));
  private static final NodeId A1 = NodeId.of("site-a", "n01");
  private static final NodeId B1 = NodeId.of("site-b", "n01");

  private final AtomicLong nanos = new AtomicLong();
  private final FakeHistory history = new FakeHistory().changes(List.of(
      NodeAvailability.of(A1, State.IDLE, T0.plusSeconds(60)),
      NodeAvailability.of(A1, State.DOWN, T0.plusSeconds(600)),
      NodeAvailability.of(B1, State.DOWN, T0.plusSeconds(900))));
  private final HistoryBackfill backfill = HistoryBackfill.of(history, Runnable::run,
      nanos::incrementAndGet);
  private final List<BackfillResult> delivered = new ArrayList<>();

  private static List<ForecastScope> sites(String... names) {
    List<ForecastScope> sites = new ArrayList<>();
    for (String name : names) {
      sites.add(ForecastScope.site(SiteId.of(name)));
    }
    return sites;
  }

  @Test
  void each_site_is_read_once_and_handed_on_with_its_nodes_failures() {
    backfill.fetchFailures(sites("site-a", "site-b"), T0, TO, TO, delivered::add).join();

    assertThat(delivered.stream().flatMap(result -> result.failures().stream()))
        .containsExactlyInAnyOrder(
            new SiteFailures(SiteId.of("site-a"), List.of(new NodeFailures(A1,
                T0.plusSeconds(60), List.of(T0.plusSeconds(600))))),
            new SiteFailures(SiteId.of("site-b"), List.of(new NodeFailures(B1,
                T0.plusSeconds(900), List.of(T0.plusSeconds(900))))));
    assertThat(history.asked()).extracting(FakeHistory.Asked::series)
        .containsExactly("failures:site-a", "failures:site-b");
    assertThat(backfill.stats().scopesFilled(HistoryRead.FAILURES)).isEqualTo(2);
    assertThat(backfill.stats().scopesFilled(HistoryRead.COUNTERS)).isZero();
    assertThat(backfill.stats().points()).as("failures read back").isEqualTo(2);
  }

  @Test
  void a_source_that_does_not_answer_fails_every_site_after_one_question() {
    history.down();

    backfill.fetchFailures(sites("site-a", "site-b"), T0, TO, TO, delivered::add).join();

    assertThat(history.asked()).hasSize(1);
    assertThat(delivered.get(delivered.size() - 1).failed())
        .containsExactlyInAnyOrderElementsOf(sites("site-a", "site-b"));
    assertThat(backfill.stats().scopesFailed(HistoryRead.FAILURES)).isEqualTo(2);
    assertThat(backfill.stats().lastFailure()).isPresent();
  }

  @Test
  void failures_are_asked_per_site_and_a_node_is_refused() {
    assertThatThrownBy(() -> backfill.fetchFailures(List.of(ForecastScope.node(A1)), T0, TO, TO,
        delivered::add)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("per site");
  }
}
