package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.LEASE;
import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.answer;
import static dev.kelvin.actuators.TestActions.applied;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.AckChecks.Refused;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingAcksTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final NodeId N08 = NodeId.of("site-a", "n08");

  private final MutableClock clock = new MutableClock();
  private final PendingAcks pending = new PendingAcks(Duration.ofSeconds(2));
  private final SetCpuFrequencyCap cap = cpuCap("a-1", N07, 2400);

  @Test
  void completes_the_callers_future_when_the_ack_with_its_id_arrives() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    clock.advance(Duration.ofMillis(40));

    Optional<Refused> refused = pending.complete(N07,
        applied("a-1", 2600, 2400, clock.instant().plus(LEASE)), clock.instant());

    assertThat(refused).isEmpty();
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
  void refuses_an_ack_that_arrives_after_the_timeout_as_late() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    pending.expire(clock.advance(TIMEOUT));

    Optional<Refused> late = pending.complete(N07,
        applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    assertThat(late).map(Refused::reason).hasValue(AckRefusal.LATE);
    assertThat(future.join().outcome()).isEqualTo(Outcome.TIMED_OUT);
  }

  @Test
  void refuses_a_second_ack_for_the_same_command_as_a_duplicate_and_keeps_the_first_answer() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    pending.complete(N07, applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    Optional<Refused> again = pending.complete(N07,
        answer("a-1", CommandAck.Status.FAILED, "write failed"), clock.instant());

    assertThat(again).map(Refused::reason).hasValue(AckRefusal.DUPLICATE);
    assertThat(future.join().outcome()).isEqualTo(Outcome.APPLIED);
  }

  @Test
  void refuses_an_ack_for_a_command_it_never_sent_as_unknown() {
    Optional<Refused> refused = pending.complete(N07,
        applied("a-forged", 2600, 1200, clock.instant()), clock.instant());

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.UNKNOWN_COMMAND);
  }

  @Test
  void refuses_an_ack_from_another_node_and_leaves_the_command_pending() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);

    Optional<Refused> refused = pending.complete(N08,
        applied("a-1", 2600, 1200, clock.instant()), clock.instant());

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.WRONG_NODE);
    assertThat(refused.orElseThrow().why()).isEqualTo("command a-1 was sent to site-a/n07, not"
        + " to site-a/n08");
    assertThat(future).isNotDone();
    assertThat(pending.size()).isEqualTo(1);
  }

  @Test
  void refuses_a_duplicate_from_another_node_as_wrong_node() {
    pending.register(cap, clock.instant(), TIMEOUT);
    pending.complete(N07, applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    Optional<Refused> refused = pending.complete(N08,
        applied("a-1", 2600, 2400, clock.instant()), clock.instant());

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.WRONG_NODE);
  }

  @Test
  void a_refused_ack_leaves_the_command_in_flight_for_the_real_answer() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);
    CommandAck inflated = new CommandAck("a-1", CommandAck.Status.APPLIED,
        OptionalDouble.of(2600), OptionalDouble.of(1200),
        Optional.of(clock.instant().plus(Duration.ofDays(1))), clock.instant(), "");

    Optional<Refused> refused = pending.complete(N07, inflated, clock.instant());
    Optional<Refused> real = pending.complete(N07,
        applied("a-1", 2600, 2400, clock.instant().plus(LEASE)), clock.instant());

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.LEASE_TOO_LONG);
    assertThat(real).isEmpty();
    assertThat(future.join().after()).hasValue(2400);
    assertThat(future.join().leaseExpiresAt()).hasValue(clock.instant().plus(LEASE));
  }

  @Test
  void an_inconsistent_ack_leaves_the_command_pending_until_it_times_out() {
    CompletableFuture<ActionResult> future = pending.register(cap, clock.instant(), TIMEOUT);

    Optional<Refused> refused = pending.complete(N07, new CommandAck("a-1",
        CommandAck.Status.APPLIED, OptionalDouble.empty(),
        OptionalDouble.empty(), Optional.empty(), clock.instant(), ""),
        clock.instant());

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.INCONSISTENT);
    assertThat(future).isNotDone();
    pending.expire(clock.advance(TIMEOUT));
    assertThat(future.join().outcome()).isEqualTo(Outcome.TIMED_OUT);
  }

  @Test
  void a_renewal_sent_after_the_answer_takes_the_next_ack_of_its_id() {
    pending.register(cap, clock.instant(), TIMEOUT);
    pending.complete(N07, applied("a-1", 2600, 2400, clock.instant().plus(LEASE)),
        clock.instant());
    clock.advance(Duration.ofSeconds(60));
    CompletableFuture<ActionResult> renewal = pending.register(cap, clock.instant(), TIMEOUT);

    Optional<Refused> refused = pending.complete(N07,
        applied("a-1", 2400, 2400, clock.instant().plus(LEASE)), clock.instant());

    assertThat(refused).isEmpty();
    assertThat(renewal.join().leaseExpiresAt()).hasValue(clock.instant().plus(LEASE));
  }

  @Test
  void remembers_a_bounded_number_of_settled_commands() {
    for (int i = 0; i <= SettledIds.CAPACITY; i++) {
      pending.register(cpuCap("a-" + i, N07, 2400), clock.instant(), TIMEOUT);
      pending.complete(N07, applied("a-" + i, 2600, 2400, clock.instant()), clock.instant());
    }

    assertThat(pending.complete(N07, applied("a-0", 2600, 2400, clock.instant()),
        clock.instant())).map(Refused::reason).hasValue(AckRefusal.UNKNOWN_COMMAND);
    assertThat(pending.complete(N07, applied("a-1", 2600, 2400, clock.instant()),
        clock.instant())).map(Refused::reason).hasValue(AckRefusal.DUPLICATE);
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
    assertThat(pending.complete(N07, applied("a-1", 2600, 2400, clock.instant()),
        clock.instant())).map(Refused::reason).hasValue(AckRefusal.LATE);
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
