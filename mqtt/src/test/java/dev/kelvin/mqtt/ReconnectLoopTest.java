package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.mqtt.MqttFailure.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Reconnect pacing in virtual time: each attempt is recorded at the virtual instant it runs,
 * and reports back whatever the test's broker does (fail with a given failure, or connect).
 */
class ReconnectLoopTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final ReconnectPacing PACING = new ReconnectPacing(Duration.ofSeconds(1),
      Duration.ofSeconds(8));
  private static final MqttFailure UNREACHABLE = new MqttFailure(Kind.UNREACHABLE,
      "could not connect to the broker");
  private static final MqttFailure DROPPED = new MqttFailure(Kind.DISCONNECTED,
      "the connection dropped");
  private static final MqttFailure REFUSED = new MqttFailure(Kind.REFUSED,
      "the broker refused the login");
  private static final MqttFailure TAKEN_OVER = new MqttFailure(Kind.TAKEN_OVER,
      "another client took the session over");

  private final VirtualScheduler scheduler = new VirtualScheduler(START);
  private final List<Duration> attempts = new ArrayList<>();
  /** What the broker does to the next attempt; failing by default. */
  private Consumer<ReconnectLoop> broker = loop -> loop.failed(UNREACHABLE);
  private final ReconnectLoop loop = new ReconnectLoop(scheduler, PACING, "test-client",
      loop -> {
        attempts.add(Duration.between(START, scheduler.now()));
        broker.accept(loop);
      });

  @Test
  void a_stable_connection_that_drops_is_tried_again_at_once() {
    connectedFor(Duration.ofMinutes(1));
    broker = ReconnectLoop::succeeded;

    loop.lost(DROPPED);
    scheduler.runDue();

    assertThat(attempts).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void failed_attempts_back_off_doubling_up_to_max() {
    loop.lost(DROPPED);

    scheduler.advanceBy(Duration.ofSeconds(40));

    assertThat(attempts).containsExactly(seconds(0), seconds(1), seconds(3), seconds(7),
        seconds(15), seconds(23), seconds(31), seconds(39));
  }

  @Test
  void a_refusal_waits_the_max_because_retrying_soon_cannot_fix_it() {
    broker = loop -> loop.failed(REFUSED);
    loop.lost(DROPPED);

    scheduler.advanceBy(Duration.ofSeconds(20));

    assertThat(attempts).containsExactly(seconds(0), seconds(8), seconds(16));
  }

  @Test
  void a_session_taken_over_is_tried_again_only_after_the_max() {
    connectedFor(Duration.ofMinutes(1));
    broker = ReconnectLoop::succeeded;

    loop.lost(TAKEN_OVER);
    scheduler.advanceBy(Duration.ofSeconds(7));
    assertThat(attempts).as("no attempt before the slowest pace").isEmpty();
    scheduler.advanceBy(Duration.ofSeconds(1));

    assertThat(attempts).containsExactly(seconds(68));
  }

  @Test
  void a_connection_lost_within_stable_of_being_made_counts_as_a_failed_attempt() {
    connectedFor(ReconnectLoop.STABLE.minusSeconds(1));

    loop.lost(DROPPED);
    scheduler.runDue();
    assertThat(attempts).as("not at once").isEmpty();
    scheduler.advanceBy(Duration.ofSeconds(1));

    assertThat(attempts).containsExactly(ReconnectLoop.STABLE);
  }

  @Test
  void short_lived_connections_keep_the_pace_growing() {
    broker = loop -> {
      loop.succeeded();
      scheduler.schedule("drop", Duration.ofSeconds(1), () -> loop.lost(DROPPED));
    };
    loop.lost(DROPPED);

    scheduler.advanceBy(Duration.ofSeconds(20));

    assertThat(attempts).as("each attempt connects, and drops a second later")
        .containsExactly(seconds(0), seconds(2), seconds(5), seconds(10), seconds(19));
  }

  @Test
  void a_stable_connection_resets_the_pace() {
    loop.lost(DROPPED);
    scheduler.advanceBy(Duration.ofSeconds(7));
    assertThat(attempts).hasSize(4);
    broker = ReconnectLoop::succeeded;
    scheduler.advanceBy(Duration.ofSeconds(8));
    attempts.clear();

    scheduler.advanceBy(ReconnectLoop.STABLE);
    broker = loop -> loop.failed(UNREACHABLE);
    loop.lost(DROPPED);
    scheduler.advanceBy(Duration.ofSeconds(1));

    assertThat(attempts).as("at once, then after first again")
        .containsExactly(seconds(25), seconds(26));
  }

  @Test
  void close_stops_further_attempts() {
    loop.lost(DROPPED);
    scheduler.runDue();
    assertThat(attempts).hasSize(1);

    loop.close();
    scheduler.advanceBy(Duration.ofMinutes(5));

    assertThat(attempts).hasSize(1);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void close_before_a_pending_attempt_runs_cancels_it() {
    loop.lost(DROPPED);

    loop.close();
    scheduler.advanceBy(Duration.ofMinutes(5));

    assertThat(attempts).isEmpty();
  }

  @Test
  void a_failure_reported_after_close_schedules_nothing() {
    broker = loop -> { };
    loop.lost(DROPPED);
    scheduler.runDue();

    loop.close();
    loop.failed(UNREACHABLE);
    scheduler.advanceBy(Duration.ofMinutes(5));

    assertThat(attempts).hasSize(1);
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void only_one_attempt_is_pending_at_a_time() {
    loop.lost(DROPPED);
    loop.lost(DROPPED);
    loop.lost(TAKEN_OVER);

    assertThat(scheduler.pending()).isEqualTo(1);
    scheduler.runDue();
    assertThat(attempts).hasSize(1);
  }

  @Test
  void a_loss_while_backing_off_adds_no_second_attempt() {
    loop.lost(DROPPED);
    scheduler.runDue();

    loop.lost(DROPPED);

    assertThat(scheduler.pending()).isEqualTo(1);
    scheduler.advanceBy(Duration.ofSeconds(1));
    assertThat(attempts).containsExactly(seconds(0), seconds(1));
  }

  @Test
  void an_attempt_that_never_answers_fails_after_its_timeout_and_the_next_one_runs() {
    ReconnectLoop silentFirst = new ReconnectLoop(scheduler, PACING, "test-client", each -> {
      attempts.add(Duration.between(START, scheduler.now()));
      if (attempts.size() > 1) {
        each.succeeded();
      }
    }, Duration.ofSeconds(30));
    silentFirst.lost(DROPPED);

    scheduler.advanceBy(Duration.ofSeconds(29));
    assertThat(attempts).containsExactly(seconds(0));
    scheduler.advanceBy(Duration.ofSeconds(2));
    assertThat(attempts).as("tried again a pace after the timeout")
        .containsExactly(seconds(0), seconds(31));
    assertThat(scheduler.pending()).as("no watchdog left once it answered").isZero();
  }

  @Test
  void an_answered_attempt_leaves_no_watchdog_behind() {
    broker = ReconnectLoop::succeeded;
    loop.lost(DROPPED);
    scheduler.runDue();
    assertThat(scheduler.pending()).isZero();
    scheduler.advanceBy(Duration.ofMinutes(5));
    assertThat(attempts).hasSize(1);
  }

  /** The session connected now and stays up for {@code duration}. */
  private void connectedFor(Duration duration) {
    loop.succeeded();
    scheduler.advanceBy(duration);
  }

  private static Duration seconds(long value) {
    return Duration.ofSeconds(value);
  }
}
