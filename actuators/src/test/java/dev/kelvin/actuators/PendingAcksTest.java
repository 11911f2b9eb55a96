package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.answer;
import static dev.kelvin.actuators.TestActions.applied;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingAcksTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock();
  private final PendingAcks pending = new PendingAcks();
  private final SetCpuFrequencyCap cap = cpuCap("a-1", N07, 2400);

  @Test
  void completes_the_callers_future_when_the_ack_with_its_id_arrives() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    clock.advance(Duration.ofMillis(40));

    PendingAcks.Match match = pending.complete(N07,
        applied("a-1", 2600, 2400, clock.instant().plus(TestActions.LEASE)), clock.instant());

    assertThat(match).isEqualTo(PendingAcks.Match.COMPLETED);
    assertThat(future).isCompletedWithValueMatching(result -> result.applied()
        && result.after().getAsDouble() == 2400 && result.at().equals(clock.instant()));
    assertThat(pending.size()).isZero();
  }

  @Test
  void times_out_at_the_deadline_and_not_a_moment_before() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);

    assertThat(pending.expire(clock.advance(TIMEOUT.minusMillis(1)))).isZero();
    assertThat(future).isNotDone();
    assertThat(pending.expire(clock.advance(Duration.ofMillis(1)))).isEqualTo(1);

    ActionResult result = future.join();
    assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.detail()).startsWith("no ack from site-a/n07 within 5 s: is its agent"
        + " running?");
  }

  @Test
  void ignores_an_ack_that_arrives_after_the_timeout() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    pending.expire(clock.advance(TIMEOUT));

    PendingAcks.Match late = pending.complete(N07,
        applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    assertThat(late).isEqualTo(PendingAcks.Match.UNKNOWN_ID);
    assertThat(future.join().outcome()).isEqualTo(Outcome.TIMED_OUT);
  }

  @Test
  void ignores_a_duplicate_ack_and_keeps_the_first_answer() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    pending.complete(N07, applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    PendingAcks.Match again = pending.complete(N07,
        answer("a-1", CommandAck.Status.FAILED, "write failed"), clock.instant());

    assertThat(again).isEqualTo(PendingAcks.Match.UNKNOWN_ID);
    assertThat(future.join().outcome()).isEqualTo(Outcome.APPLIED);
  }

  @Test
  void leaves_the_command_pending_when_another_node_answers_with_its_id() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);

    PendingAcks.Match match = pending.complete(NodeId.of("site-a", "n08"),
        applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    assertThat(match).isEqualTo(PendingAcks.Match.WRONG_NODE);
    assertThat(future).isNotDone();
    assertThat(pending.size()).isEqualTo(1);
  }

  @Test
  void close_fails_every_pending_command_and_every_later_one() {
    CompletableFuture<ActionResult> first = pending.register(cap, clock.instant(), TIMEOUT);

    pending.close("executor closed", clock.instant());
    CompletableFuture<ActionResult> later =
        pending.register(cpuCap("a-2", N07, 2000), clock.instant(), TIMEOUT);

    assertThat(first.join().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(first.join().detail()).startsWith("executor closed before site-a/n07 answered");
    assertThat(later.join().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(later.join().detail()).contains("executor closed");
    assertThat(pending.size()).isZero();
  }

  @Test
  void a_renewal_with_the_same_id_restarts_the_timeout_and_answers_both_callers() {
    CompletableFuture<ActionResult> first = pending.register(cap, clock.instant(), TIMEOUT);
    clock.advance(Duration.ofSeconds(3));
    CompletableFuture<ActionResult> renewal = pending.register(cap, clock.instant(), TIMEOUT);

    assertThat(pending.expire(clock.advance(Duration.ofSeconds(3)))).isZero();
    pending.complete(N07, applied("a-1", 2400, 2400, clock.instant()), clock.instant());

    assertThat(renewal.join().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(first.join().outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(pending.size()).isZero();
  }

  @Test
  void a_failed_publish_fails_its_own_send_but_not_a_later_renewal() {
    CompletableFuture<ActionResult> first = pending.register(cap, clock.instant(), TIMEOUT);
    CompletableFuture<ActionResult> renewal = pending.register(cap, clock.instant(), TIMEOUT);

    boolean failedFirst = pending.fail(cap.id(), first, "broker gone", clock.instant());
    boolean failedRenewal = pending.fail(cap.id(), renewal, "broker gone", clock.instant());

    assertThat(failedFirst).isFalse();
    assertThat(failedRenewal).isTrue();
    assertThat(renewal.join().outcome()).isEqualTo(Outcome.FAILED);
    assertThat(renewal.join().detail()).isEqualTo("broker gone");
  }
}
