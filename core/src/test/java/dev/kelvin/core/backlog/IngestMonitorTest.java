package dev.kelvin.core.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IngestMonitorTest {
  private static final NodeId N1 = NodeId.of("site-a", "n01");
  private static final NodeId N2 = NodeId.of("site-a", "n02");
  private static final Duration STALE_AFTER = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock();
  private final BacklogSettings settings = BacklogSettings.defaults();
  private final IngestQueue<String> queue = new IngestQueue<>(settings);
  private final IngestMonitor monitor = new IngestMonitor(settings, queue, STALE_AFTER, 100);

  @Test
  void is_not_blind_while_readings_arrive_fresh_and_none_wait() {
    monitor.arrived(N1, clock.instant().minusMillis(50), clock.instant());

    assertThat(monitor.blind(clock.instant())).isEmpty();
    assertThat(monitor.backlog(clock.instant()).arrivalLag()).hasValue(Duration.ofMillis(50));
  }

  @Test
  void is_blind_once_the_oldest_waiting_reading_waited_longer_than_the_limit() {
    queue.offer("site-a/n01", "reading", clock.instant());
    clock.advance(Duration.ofSeconds(5));
    assertThat(monitor.blind(clock.instant())).as("at the limit").isEmpty();

    clock.advance(Duration.ofMillis(100));

    assertThat(monitor.blind(clock.instant())).hasValueSatisfying(why -> assertThat(why)
        .contains("own ingest backlog: 1 reading(s) waiting, the oldest for 5.1 s"));
    assertThat(monitor.backlog(clock.instant()).readings()).isEqualTo(1);
    assertThat(monitor.peakDelay()).isEqualTo(Duration.ofMillis(5100));
  }

  @Test
  void is_blind_when_even_the_freshest_recent_reading_arrived_older_than_the_limit() {
    Instant now = clock.instant();
    monitor.arrived(N1, now.minusSeconds(12), now);
    monitor.arrived(N2, now.minusSeconds(9), now);

    assertThat(monitor.blind(now)).hasValueSatisfying(why -> assertThat(why)
        .contains("readings reach the controller 9.0 s after they were taken")
        .contains("the broker is queueing them"));
  }

  @Test
  void one_node_whose_clock_runs_behind_does_not_blind_the_controller() {
    Instant now = clock.instant();
    monitor.arrived(N1, now.minusSeconds(30), now);
    monitor.arrived(N2, now.minusMillis(20), now);
    clock.advance(Duration.ofSeconds(1));
    monitor.arrived(N1, clock.instant().minusSeconds(30), clock.instant());

    assertThat(monitor.blind(clock.instant())).isEmpty();
  }

  @Test
  void the_freshest_lag_wins_to_the_nanosecond_and_a_new_window_takes_a_longer_one() {
    Instant now = clock.instant();
    monitor.arrived(N1, now.minusMillis(1_300), now);
    monitor.arrived(N2, now.minusNanos(1_299_999_999), now);
    monitor.arrived(N1, now.minusMillis(1_400), now);

    assertThat(monitor.backlog(now).arrivalLag()).hasValue(Duration.ofNanos(1_299_999_999));

    clock.advance(IngestMonitor.LAG_WINDOW.plusNanos(1));
    Instant later = clock.instant();
    monitor.arrived(N1, later.minusMillis(1_700).minusNanos(900_000_000), later);
    assertThat(monitor.backlog(later).arrivalLag()).hasValue(Duration.ofMillis(2_600));
  }

  @Test
  void the_evidence_of_late_arrivals_expires_when_nothing_arrives() {
    monitor.arrived(N1, clock.instant().minusSeconds(20), clock.instant());
    clock.advance(IngestMonitor.LAG_WINDOW.plusMillis(1));

    assertThat(monitor.backlog(clock.instant()).arrivalLag()).isEmpty();
    assertThat(monitor.blind(clock.instant())).isEmpty();
  }

  @Test
  void a_node_is_still_arriving_until_nothing_of_it_came_for_the_stale_limit() {
    monitor.arrived(N1, clock.instant().minusSeconds(15), clock.instant());
    clock.advance(STALE_AFTER);
    assertThat(monitor.stillArriving(N1, clock.instant())).isTrue();
    assertThat(monitor.stillArriving(N2, clock.instant())).as("never heard of").isFalse();

    clock.advance(Duration.ofMillis(1));

    assertThat(monitor.stillArriving(N1, clock.instant())).isFalse();
  }

  @Test
  void readings_stuck_in_the_controllers_own_queue_do_not_make_their_node_silent() {
    monitor.arrived(N1, clock.instant(), clock.instant());
    clock.advance(Duration.ofSeconds(5));
    queue.offer("site-a/n01", "reading", clock.instant());
    clock.advance(Duration.ofSeconds(14));

    assertThat(monitor.stillArriving(N1, clock.instant())).as("heard 5 s before the queue's"
        + " head arrived, which waits for 14 s").isTrue();
    clock.advance(Duration.ofSeconds(2));
    queue.poll();
    assertThat(monitor.stillArriving(N1, clock.instant())).as("the queue drained and nothing"
        + " of it applied for 21 s").isFalse();
  }

  @Test
  void remembers_the_arrivals_of_at_most_its_number_of_nodes() {
    IngestMonitor small = new IngestMonitor(settings, queue, STALE_AFTER, 1);
    small.arrived(N1, clock.instant(), clock.instant());
    small.arrived(N2, clock.instant(), clock.instant());

    assertThat(small.stillArriving(N1, clock.instant())).isTrue();
    assertThat(small.stillArriving(N2, clock.instant())).isFalse();
  }
}
