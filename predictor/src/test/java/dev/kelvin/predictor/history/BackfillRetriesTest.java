package dev.kelvin.predictor.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** When failed backfills are asked again, in virtual time: every instant is the test's. */
class BackfillRetriesTest {
  private static final Instant T0 = Instant.parse("2026-01-02T00:00:40Z");
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");
  private static final NodeId N03 = NodeId.of("site-a", "n03");
  private static final ForecastScope A = ForecastScope.node(N01);
  private static final ForecastScope B = ForecastScope.node(N02);
  private static final ForecastScope C = ForecastScope.node(N03);
  private static final ForecastScope SITE = ForecastScope.site(SiteId.of("site-a"));

  private final BackfillRetries retries = new BackfillRetries();
  /** The nodes the caller tracks per site, as a served model would answer. */
  private final List<NodeId> tracked = new ArrayList<>();
  private final Function<SiteId, Collection<NodeId>> nodesOf = site -> List.copyOf(tracked);

  private List<ForecastScope> ask(Instant at, ForecastScope... fresh) {
    return retries.toAsk(List.of(fresh), at, nodesOf);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void a_failed_scope_is_asked_again_30_s_after_the_failure_and_not_before() {
    assertThat(ask(T0, A)).containsExactly(A);
    retries.failed(A, T0);

    assertThat(ask(at(29))).isEmpty();
    assertThat(ask(at(30))).containsExactly(A);
  }

  @Test
  void each_further_failure_doubles_the_wait_up_to_10_minutes() {
    ask(T0, A);
    List<Long> waits = new ArrayList<>();
    Instant failedAt = T0;
    for (int failure = 0; failure < 8; failure++) {
      retries.failed(A, failedAt);
      Instant due = retries.retryAt(A).orElseThrow();
      waits.add(Duration.between(failedAt, due).toSeconds());
      assertThat(ask(due.minusMillis(1))).as("before its time").isEmpty();
      assertThat(ask(due)).containsExactly(A);
      failedAt = due.plusSeconds(2);
    }

    assertThat(waits).containsExactly(30L, 60L, 120L, 240L, 480L, 600L, 600L, 600L);
  }

  @Test
  void a_scope_in_flight_is_not_asked_again_until_its_answer_comes() {
    assertThat(ask(T0, A)).containsExactly(A);
    assertThat(ask(at(1), A)).as("seen as new again while asked").isEmpty();
    retries.failed(A, at(2));
    assertThat(ask(at(32))).containsExactly(A);

    assertThat(ask(at(3_600))).as("its retry in flight").isEmpty();
    assertThat(retries.inFlight(A)).isTrue();
    retries.failed(A, at(3_601));
    assertThat(ask(at(3_661))).as("60 s after the second failure").containsExactly(A);
  }

  @Test
  void a_scope_read_back_is_not_asked_again() {
    ask(T0, A, B);
    retries.failed(A, T0);
    retries.failed(B, T0);
    ask(at(30));
    retries.filled(A);
    retries.failed(B, at(31));

    assertThat(retries.retryAt(A)).isEmpty();
    assertThat(retries.waiting()).isEqualTo(1);
    assertThat(ask(at(3_600))).containsExactly(B);
  }

  @Test
  void a_sites_retry_reads_the_nodes_tracked_for_it_at_retry_time() {
    tracked.add(N01);
    ask(T0, A, SITE);
    retries.failed(A, T0);
    retries.failed(SITE, T0);
    tracked.add(N02);
    ask(at(10), B);
    retries.filled(B);

    assertThat(ask(at(30))).as("the site, with every node it has now")
        .containsExactlyInAnyOrder(A, SITE, B);
  }

  @Test
  void a_sites_retry_waits_while_one_of_its_nodes_is_in_flight() {
    ask(T0, SITE);
    retries.failed(SITE, T0);
    tracked.add(N03);
    assertThat(ask(at(29), C)).containsExactly(C);

    assertThat(ask(at(30))).as("C's own request is in flight").isEmpty();
    retries.filled(C);
    assertThat(ask(at(31))).containsExactlyInAnyOrder(SITE, C);
  }

  @Test
  void a_node_read_only_for_its_sites_sum_is_not_retried_alone_when_that_fails() {
    tracked.addAll(List.of(N01, N02));
    ask(T0, A, B, SITE);
    retries.filled(A);
    retries.filled(B);
    retries.failed(SITE, T0);
    assertThat(ask(at(30))).containsExactlyInAnyOrder(SITE, A, B);

    retries.failed(A, at(31));
    retries.failed(B, at(31));
    retries.failed(SITE, at(31));

    assertThat(retries.retryAt(A)).as("read before").isEmpty();
    assertThat(retries.retryAt(SITE)).hasValue(at(91));
    assertThat(ask(at(91))).containsExactlyInAnyOrder(SITE, A, B);
  }

  @Test
  void a_forgotten_scope_is_not_retried() {
    ask(T0, A, B);
    retries.failed(A, T0);
    retries.failed(B, T0);

    retries.forget(A);
    retries.retainAll(Set.of(A));

    assertThat(ask(at(3_600))).isEmpty();
    assertThat(retries.waiting()).isZero();
  }

  @Test
  void waits_that_are_not_positive_or_a_cap_below_the_first_are_refused() {
    assertThatThrownBy(() -> new BackfillRetries(Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessageContaining("first > 0 s");
    assertThatThrownBy(() -> new BackfillRetries(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .hasMessageContaining("max >= first");
  }
}
