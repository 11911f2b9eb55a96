package dev.kelvin.agent.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.agent.FakeNodeHardware;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandAck.Status;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How far the lease table trusts a command's issue time, in virtual time: commands from the
 * future, stale ones, replays and duplicates, and that none of them blocks the controller's
 * next command or touches the hardware.
 */
class SetpointLeasesIssueTimeTest {
  private static final Duration SKEW = Duration.ofSeconds(5);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant START = MutableClock.START;

  private final MutableClock clock = new MutableClock();
  private final FakeNodeHardware hardware = new FakeNodeHardware();
  private final SetpointLeases leases =
      new SetpointLeases(hardware, clock, Duration.ofMinutes(10), SKEW);

  private static NodeCommand cpuCap(String id, double mhz, Instant issuedAt) {
    return new NodeCommand(id, SetpointKind.CPU_FREQ_CAP, Optional.empty(), mhz, MINUTE,
        issuedAt, "thermal-cap-cpu");
  }

  /** A command issued now by a controller whose clock agrees with the node's. */
  private NodeCommand normal(String id, double mhz) {
    return cpuCap(id, mhz, clock.instant());
  }

  private int cpuWrites() {
    return hardware.writes(SetpointKind.CPU_FREQ_CAP, Optional.empty());
  }

  @Test
  void a_command_from_beyond_the_skew_is_refused_and_the_next_normal_command_is_applied() {
    Answer forged = leases.apply(cpuCap("forged", 1200, START.plus(Duration.ofHours(1))));

    assertThat(forged.refusal()).contains(Refusal.ISSUED_IN_FUTURE);
    assertThat(forged.ack().status()).isEqualTo(Status.REJECTED);
    assertThat(forged.ack().message()).startsWith("refused (issued_in_future): command forged")
        .contains("3600 s ahead of this node's clock").contains("at most 5 s ahead")
        .contains("max_clock_skew");
    assertThat(hardware.setpointCalls()).as("a refused command never reaches the hardware")
        .isZero();
    assertThat(leases.held()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    Answer next = leases.apply(normal("a1", 2000));

    assertThat(next.ack().status()).isEqualTo(Status.APPLIED);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(leases.held()).singleElement().extracting(Lease::commandId).isEqualTo("a1");
  }

  @Test
  void a_command_from_the_future_leaves_the_held_lease_exactly_as_it_was() {
    leases.apply(normal("a1", 2400));
    List<Lease> before = leases.held();
    clock.advance(Duration.ofSeconds(10));

    Answer forged = leases.apply(cpuCap("forged", 1200, clock.instant().plus(Duration.ofHours(1))));

    assertThat(forged.refusal()).contains(Refusal.ISSUED_IN_FUTURE);
    assertThat(leases.held()).isEqualTo(before);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
    assertThat(cpuWrites()).isEqualTo(1);
    assertThat(leases.apply(normal("a2", 2000)).ack().status()).isEqualTo(Status.APPLIED);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
  }

  @Test
  void accepts_a_command_exactly_the_skew_ahead_and_refuses_one_a_millisecond_further() {
    Answer atTheLimit = leases.apply(cpuCap("a1", 2400, START.plus(SKEW)));
    Answer beyond = leases.apply(cpuCap("a2", 2000, START.plus(SKEW).plusMillis(1)));

    assertThat(atTheLimit.ack().status()).isEqualTo(Status.APPLIED);
    assertThat(beyond.refusal()).contains(Refusal.ISSUED_IN_FUTURE);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void a_command_within_the_skew_ahead_does_not_hold_up_the_next_normal_command() {
    leases.apply(cpuCap("ahead", 1200, START.plus(SKEW)));
    clock.advance(Duration.ofSeconds(1));

    Answer next = leases.apply(normal("a1", 2400));

    assertThat(next.ack().status()).as("issued before the stamp of the one ahead, yet in order")
        .isEqualTo(Status.APPLIED);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
    assertThat(leases.held()).singleElement().satisfies(lease -> {
      assertThat(lease.commandId()).isEqualTo("a1");
      assertThat(lease.orderedAt()).isEqualTo(START.plusSeconds(1));
    });
  }

  @Test
  void a_command_stamped_ahead_orders_later_ones_from_when_it_arrived_not_from_its_stamp() {
    leases.apply(cpuCap("ahead", 1200, START.plus(SKEW)));

    assertThat(leases.held()).singleElement().extracting(Lease::orderedAt).isEqualTo(START);
  }

  @Test
  void a_controller_the_skew_behind_is_held_up_by_a_command_stamped_ahead_at_most_the_skew() {
    leases.apply(cpuCap("ahead", 1200, START.plus(SKEW)));
    Duration behind = SKEW;

    clock.advance(SKEW.minusMillis(1));
    Answer tooEarly = leases.apply(cpuCap("a1", 2400, clock.instant().minus(behind)));
    clock.advance(Duration.ofMillis(1));
    Answer atTheBound = leases.apply(cpuCap("a2", 2400, clock.instant().minus(behind)));

    assertThat(tooEarly.refusal()).contains(Refusal.OUT_OF_ORDER);
    assertThat(atTheBound.ack().status()).isEqualTo(Status.APPLIED);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void a_replayed_older_command_is_refused_as_out_of_order_and_the_next_command_still_applies() {
    NodeCommand old = cpuCap("a0", 3000, START);
    clock.advance(Duration.ofSeconds(10));
    leases.apply(normal("a1", 2000));
    List<Lease> before = leases.held();
    int calls = hardware.setpointCalls();
    clock.advance(Duration.ofSeconds(5));

    Answer replay = leases.apply(old);

    assertThat(replay.refusal()).contains(Refusal.OUT_OF_ORDER);
    assertThat(replay.ack().message()).startsWith("refused (out_of_order): command a0")
        .contains("when command a1");
    assertThat(leases.held()).isEqualTo(before);
    assertThat(hardware.setpointCalls()).isEqualTo(calls);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);

    clock.advance(Duration.ofSeconds(5));
    assertThat(leases.apply(normal("a2", 2400)).ack().status()).isEqualTo(Status.APPLIED);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void a_duplicate_of_the_held_command_gets_the_first_answer_without_writing_or_renewing() {
    NodeCommand command = normal("a1", 2400);
    CommandAck first = leases.apply(command).ack();
    clock.advance(Duration.ofSeconds(20));

    Answer again = leases.apply(command);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.refusal()).isEmpty();
    assertThat(again.ack().status()).isEqualTo(Status.APPLIED);
    assertThat(again.ack().before()).isEqualTo(first.before());
    assertThat(again.ack().after()).isEqualTo(first.after());
    assertThat(again.ack().leaseExpiresAt()).isEqualTo(first.leaseExpiresAt());
    assertThat(again.ack().at()).isEqualTo(START.plusSeconds(20));
    assertThat(again.ack().message()).startsWith("duplicate of command a1")
        .contains("nothing applied or renewed").contains("runs until " + START.plus(MINUTE));
    assertThat(cpuWrites()).isEqualTo(1);
    assertThat(leases.held()).singleElement().extracting(Lease::expiresAt)
        .isEqualTo(START.plus(MINUTE));
  }

  @Test
  void a_duplicate_of_a_replaced_command_is_answered_again_not_refused_as_out_of_order() {
    NodeCommand first = normal("a1", 2400);
    leases.apply(first);
    clock.advance(Duration.ofSeconds(10));
    leases.apply(normal("a2", 2000));
    clock.advance(Duration.ofSeconds(10));

    Answer again = leases.apply(first);

    assertThat(again.duplicate()).isTrue();
    assertThat(again.ack().message())
        .contains("command a2 (rule thermal-cap-cpu) holds cpu_freq_cap_mhz = 2000 MHz now");
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(cpuWrites()).isEqualTo(2);
    assertThat(leases.held()).singleElement().extracting(Lease::commandId).isEqualTo("a2");
  }

  @Test
  void a_renewal_with_the_same_id_issued_later_is_no_duplicate_and_extends_the_lease() {
    leases.apply(normal("a1", 2400));
    clock.advance(Duration.ofSeconds(30));

    Answer renewal = leases.apply(normal("a1", 2400));

    assertThat(renewal.duplicate()).isFalse();
    assertThat(renewal.ack().message()).contains("renewed");
    assertThat(leases.held()).singleElement().extracting(Lease::expiresAt)
        .isEqualTo(START.plusSeconds(90));
  }

  @Test
  void a_stale_command_is_refused_without_touching_the_hardware() {
    clock.advance(Duration.ofMinutes(5));

    Answer stale = leases.apply(cpuCap("a1", 2000, START));

    assertThat(stale.refusal()).contains(Refusal.STALE);
    assertThat(stale.ack().message()).startsWith("refused (stale): command a1")
        .contains("300 s before this node's clock")
        .contains("its lease of 60 s plus the 5 s clock skew");
    assertThat(hardware.setpointCalls()).isZero();
    assertThat(leases.held()).isEmpty();
  }

  @Test
  void a_command_is_stale_once_its_lease_and_the_skew_have_passed_since_it_was_issued() {
    clock.advance(MINUTE.plus(SKEW));
    Answer atTheLimit = leases.apply(cpuCap("a1", 2400, START));
    clock.advance(Duration.ofMillis(1));
    Answer beyond = leases.apply(cpuCap("a2", 2000, START));

    assertThat(atTheLimit.ack().status()).isEqualTo(Status.APPLIED);
    assertThat(beyond.refusal()).contains(Refusal.STALE);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void a_replay_of_an_applied_command_after_its_lease_and_the_skew_is_refused_as_stale() {
    NodeCommand command = normal("a1", 2400);
    leases.apply(command);
    clock.advance(MINUTE);
    leases.expireDue();
    clock.advance(SKEW.plusMillis(1));

    Answer replay = leases.apply(command);

    assertThat(replay.refusal()).contains(Refusal.STALE);
    assertThat(hardware.cpuCapMhz()).as("the default, restored at the lease's end")
        .isEqualTo(FakeNodeHardware.CPU_LIMITS.defaultValue());
    assertThat(leases.held()).isEmpty();
  }

  @Test
  void a_replay_of_an_expired_command_within_its_window_is_a_duplicate_and_is_not_applied() {
    NodeCommand command = normal("a1", 2400);
    leases.apply(command);
    clock.advance(MINUTE);
    leases.expireDue();
    clock.advance(Duration.ofSeconds(2));

    Answer replay = leases.apply(command);

    assertThat(replay.duplicate()).isTrue();
    assertThat(replay.ack().message()).contains("no lease is held on cpu_freq_cap_mhz now");
    assertThat(hardware.cpuCapMhz()).isEqualTo(FakeNodeHardware.CPU_LIMITS.defaultValue());
    assertThat(leases.held()).isEmpty();
  }

  @Test
  void refusals_of_every_kind_leave_the_hardware_alone() {
    List<Answer> answers = new ArrayList<>();
    answers.add(leases.apply(cpuCap("future", 2000, START.plus(Duration.ofHours(1)))));
    answers.add(leases.apply(new NodeCommand("long", SetpointKind.CPU_FREQ_CAP,
        Optional.empty(), 2000, Duration.ofHours(1), START, "r")));
    clock.advance(Duration.ofHours(1));
    answers.add(leases.apply(cpuCap("stale", 2000, START)));
    answers.add(leases.apply(new NodeCommand("unsupported", SetpointKind.NODE_POWER_CAP,
        Optional.empty(), 500, MINUTE, clock.instant(), "r")));
    leases.revertAllAndClose();
    answers.add(leases.apply(normal("closed", 2000)));

    assertThat(answers).extracting(answer -> answer.refusal().orElseThrow()).containsExactly(
        Refusal.ISSUED_IN_FUTURE, Refusal.LEASE_TOO_LONG, Refusal.STALE, Refusal.UNSUPPORTED,
        Refusal.SHUTTING_DOWN);
    assertThat(hardware.setpointCalls()).isZero();
  }
}
