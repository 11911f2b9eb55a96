package dev.kelvin.agent.lease;

import dev.kelvin.core.model.Device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.agent.FakeNodeHardware;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandAck.Status;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SetpointLeasesTest {
  private static final Optional<Device> NODE_WIDE = Optional.empty();
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock();
  private final FakeNodeHardware hardware = new FakeNodeHardware();
  private static final Duration SKEW = Duration.ofSeconds(5);
  private final SetpointLeases leases =
      new SetpointLeases(hardware, clock, Duration.ofMinutes(10), SKEW);

  /** A command issued now, as a controller in step with the node's clock issues it. */
  private NodeCommand cpuCap(String id, double mhz, Duration lease) {
    return cpuCap(id, mhz, lease, clock.instant());
  }

  private NodeCommand cpuCap(String id, double mhz, Duration lease, Instant issuedAt) {
    return new NodeCommand(id, SetpointKind.CPU_FREQ_CAP, NODE_WIDE, mhz, lease, issuedAt,
        "thermal-cap-cpu");
  }

  private NodeCommand gpuLimit(String id, int gpu, double watts) {
    return new NodeCommand(id, SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(gpu)), watts, MINUTE,
        clock.instant(), "gpu-budget");
  }

  private CommandAck apply(NodeCommand command) {
    return leases.apply(command).ack();
  }

  @Test
  void applies_a_cap_within_limits_and_acks_the_values_read_back() {
    CommandAck ack = apply(cpuCap("a1", 2400, MINUTE));

    assertThat(ack.status()).isEqualTo(Status.APPLIED);
    assertThat(ack.id()).isEqualTo("a1");
    assertThat(ack.before()).hasValue(3000);
    assertThat(ack.after()).hasValue(2400);
    assertThat(ack.leaseExpiresAt()).contains(MutableClock.START.plus(MINUTE));
    assertThat(ack.message()).contains("applied cpu_freq_cap_mhz 2400 MHz").doesNotContain("clamp");
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
    assertThat(leases.held()).singleElement().satisfies(lease -> {
      assertThat(lease.commandId()).isEqualTo("a1");
      assertThat(lease.rule()).isEqualTo("thermal-cap-cpu");
      assertThat(lease.value()).isEqualTo(2400);
    });
  }

  @Test
  void clamps_a_cap_below_the_hardware_minimum_and_says_so() {
    CommandAck ack = apply(cpuCap("a1", 800, MINUTE));

    assertThat(ack.status()).isEqualTo(Status.APPLIED);
    assertThat(ack.after()).hasValue(1200);
    assertThat(ack.message())
        .contains("800 MHz is below this node's minimum of 1200 MHz: clamped to 1200 MHz");
    assertThat(hardware.cpuCapMhz()).isEqualTo(1200);
  }

  @Test
  void clamps_a_gpu_limit_above_the_hardware_maximum_and_says_so() {
    CommandAck ack = apply(gpuLimit("g1", 1, 550));

    assertThat(ack.after()).hasValue(400);
    assertThat(ack.message()).contains("gpu_power_limit_w on gpu 1 550 W is above this node's"
        + " maximum of 400 W: clamped to 400 W");
  }

  @Test
  void reports_the_read_back_when_the_hardware_settles_on_its_own_step() {
    CommandAck ack = apply(cpuCap("a1", 2450, MINUTE));

    assertThat(ack.after()).hasValue(2400);
    assertThat(ack.message()).contains("applied cpu_freq_cap_mhz 2450 MHz")
        .contains("reads back 2400 MHz");
  }

  @Test
  void renewing_with_the_same_id_extends_the_lease_without_writing_again() {
    apply(cpuCap("a1", 2400, MINUTE));
    clock.advance(Duration.ofSeconds(30));

    CommandAck renewal = apply(cpuCap("a1", 2400, MINUTE));

    assertThat(renewal.status()).isEqualTo(Status.APPLIED);
    assertThat(renewal.before()).hasValue(2400);
    assertThat(renewal.after()).hasValue(2400);
    assertThat(renewal.leaseExpiresAt()).contains(MutableClock.START.plusSeconds(90));
    assertThat(renewal.message()).contains("renewed").contains("still holds 2400 MHz");
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(1);
    assertThat(leases.held()).singleElement()
        .extracting(Lease::expiresAt).isEqualTo(MutableClock.START.plusSeconds(90));
  }

  @Test
  void renewing_after_the_hardware_drifted_applies_the_setpoint_again() {
    apply(cpuCap("a1", 2400, MINUTE));
    hardware.drift(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 3000);
    clock.advance(Duration.ofSeconds(30));

    CommandAck renewal = apply(cpuCap("a1", 2400, MINUTE));

    assertThat(renewal.before()).hasValue(3000);
    assertThat(renewal.after()).hasValue(2400);
    assertThat(renewal.message()).contains("drifted to 3000 MHz").contains("re-applied 2400 MHz");
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(2);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void a_renewed_lease_outlives_its_first_expiry() {
    apply(cpuCap("a1", 2400, MINUTE));
    clock.advance(Duration.ofSeconds(50));
    apply(cpuCap("a1", 2400, MINUTE));
    clock.advance(Duration.ofSeconds(20));

    assertThat(leases.expireDue()).isEmpty();
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void renewing_a_clamped_command_does_not_write_again() {
    apply(cpuCap("a1", 2450, MINUTE));
    clock.advance(Duration.ofSeconds(30));

    CommandAck renewal = apply(cpuCap("a1", 2450, MINUTE));

    assertThat(renewal.message()).contains("renewed");
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(1);
    assertThat(leases.held()).singleElement().satisfies(lease -> {
      assertThat(lease.requestedValue()).isEqualTo(2450);
      assertThat(lease.value()).isEqualTo(2400);
    });
  }

  @Test
  void the_same_id_with_a_new_value_applies_the_new_value() {
    apply(cpuCap("a1", 2400, MINUTE));
    clock.advance(Duration.ofSeconds(10));

    CommandAck ack = apply(cpuCap("a1", 2000, MINUTE, MutableClock.START.plusSeconds(10)));

    assertThat(ack.status()).isEqualTo(Status.APPLIED);
    assertThat(ack.before()).hasValue(2400);
    assertThat(ack.after()).hasValue(2000);
    assertThat(ack.message()).contains("applied cpu_freq_cap_mhz 2000 MHz")
        .contains("replaces 2400 MHz").doesNotContain("renewed");
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(2);
    assertThat(leases.held()).singleElement().satisfies(lease -> {
      assertThat(lease.commandId()).isEqualTo("a1");
      assertThat(lease.value()).isEqualTo(2000);
      assertThat(lease.orderedAt()).isEqualTo(MutableClock.START.plusSeconds(10));
      assertThat(lease.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(70));
    });
  }

  @Test
  void rejects_a_command_issued_before_the_one_behind_the_held_lease_naming_both_instants() {
    Instant newer = MutableClock.START.plusSeconds(10);
    clock.advance(Duration.ofSeconds(10));
    apply(cpuCap("a2", 2000, MINUTE, newer));

    CommandAck late = apply(cpuCap("a1", 2400, MINUTE, MutableClock.START));

    assertThat(late.status()).isEqualTo(Status.REJECTED);
    assertThat(late.message()).contains("command a1 was issued at " + MutableClock.START)
        .contains("before " + newer + " when command a2").contains("out-of-order or replayed");
    assertThat(late.leaseExpiresAt()).isEmpty();
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(leases.held()).singleElement().extracting(Lease::commandId).isEqualTo("a2");
  }

  @Test
  void a_replay_of_the_held_command_with_its_older_value_is_a_duplicate_that_changes_nothing() {
    apply(cpuCap("a1", 2400, MINUTE, MutableClock.START));
    clock.advance(Duration.ofSeconds(10));
    apply(cpuCap("a1", 2000, MINUTE, MutableClock.START.plusSeconds(10)));
    clock.advance(Duration.ofSeconds(10));

    Answer replay = leases.apply(cpuCap("a1", 2400, MINUTE, MutableClock.START));

    assertThat(replay.duplicate()).isTrue();
    assertThat(replay.ack().message()).startsWith("duplicate of command a1");
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(2);
    assertThat(leases.held()).singleElement().satisfies(lease -> {
      assertThat(lease.value()).isEqualTo(2000);
      assertThat(lease.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(70));
    });
  }

  @Test
  void a_renewal_moves_the_decision_time_forward_so_an_older_command_cannot_undo_it() {
    apply(cpuCap("a1", 2400, MINUTE, MutableClock.START));
    clock.advance(Duration.ofSeconds(30));
    apply(cpuCap("a1", 2400, MINUTE, MutableClock.START.plusSeconds(30)));

    CommandAck delayed = apply(cpuCap("a2", 3000, MINUTE,
        MutableClock.START.plusSeconds(20)));

    assertThat(delayed.status()).isEqualTo(Status.REJECTED);
    assertThat(leases.held()).singleElement().extracting(Lease::orderedAt)
        .isEqualTo(MutableClock.START.plusSeconds(30));
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
  }

  @Test
  void a_new_id_for_the_same_setpoint_replaces_the_old_lease() {
    apply(cpuCap("a1", 2400, MINUTE));
    clock.advance(Duration.ofSeconds(10));

    CommandAck ack = apply(cpuCap("a2", 2000, Duration.ofSeconds(30)));

    assertThat(ack.before()).hasValue(2400);
    assertThat(ack.after()).hasValue(2000);
    assertThat(ack.message()).contains("replaces the lease of command a1 (rule thermal-cap-cpu)");
    assertThat(leases.held()).singleElement().satisfies(lease -> {
      assertThat(lease.commandId()).isEqualTo("a2");
      assertThat(lease.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(40));
    });
  }

  @Test
  void keeps_one_lease_per_gpu() {
    apply(gpuLimit("g0", 0, 250));
    apply(gpuLimit("g1", 1, 200));

    assertThat(leases.held()).extracting(Lease::commandId).containsExactly("g0", "g1");
  }

  @Test
  void expiry_restores_the_default_exactly_once() {
    apply(cpuCap("a1", 2400, MINUTE));
    clock.advance(MINUTE.minusSeconds(1));
    assertThat(leases.expireDue()).isEmpty();
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);

    clock.advance(Duration.ofSeconds(1));
    assertThat(leases.expireDue()).extracting(Lease::commandId).containsExactly("a1");
    assertThat(hardware.cpuCapMhz()).isEqualTo(FakeNodeHardware.CPU_LIMITS.defaultValue());

    clock.advance(MINUTE);
    assertThat(leases.expireDue()).isEmpty();
    assertThat(leases.held()).isEmpty();
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(2);
  }

  @Test
  void expiry_leaves_leases_that_still_run_alone() {
    apply(cpuCap("a1", 2400, Duration.ofSeconds(10)));
    apply(gpuLimit("g0", 0, 200));
    clock.advance(Duration.ofSeconds(10));

    assertThat(leases.expireDue()).extracting(Lease::commandId).containsExactly("a1");
    assertThat(hardware.read(SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(0)))).isEqualTo(200);
    assertThat(leases.held()).extracting(Lease::commandId).containsExactly("g0");
  }

  @Test
  void rejects_a_setpoint_the_node_does_not_support() {
    CommandAck powerCap = apply(new NodeCommand("p1", SetpointKind.NODE_POWER_CAP,
        NODE_WIDE, 500, MINUTE, MutableClock.START, "site-budget"));
    CommandAck thirdGpu = apply(gpuLimit("g9", 9, 200));

    assertThat(powerCap.status()).isEqualTo(Status.REJECTED);
    assertThat(powerCap.message()).contains("cannot hold node_power_cap_w");
    assertThat(thirdGpu.status()).isEqualTo(Status.REJECTED);
    assertThat(thirdGpu.message()).contains("gpu_power_limit_w on gpu 9").contains("no such GPU");
    assertThat(leases.held()).isEmpty();
  }

  @Test
  void rejects_a_lease_longer_than_the_maximum_naming_both() {
    CommandAck ack = apply(cpuCap("a1", 2400, Duration.ofMinutes(15)));

    assertThat(ack.status()).isEqualTo(Status.REJECTED);
    assertThat(ack.message()).contains("lease_s 900 s").contains("maximum lease of 600 s");
    assertThat(ack.leaseExpiresAt()).isEmpty();
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isZero();
  }

  @Test
  void accepts_a_lease_of_exactly_the_maximum() {
    assertThat(apply(cpuCap("a1", 2400, Duration.ofMinutes(10))).status())
        .isEqualTo(Status.APPLIED);
  }

  @Test
  void reports_failed_with_the_hardware_message_when_the_write_is_refused() {
    hardware.failWrites("write to scaling_max_freq: permission denied");

    CommandAck ack = apply(cpuCap("a1", 2400, MINUTE));

    assertThat(ack.status()).isEqualTo(Status.FAILED);
    assertThat(ack.before()).hasValue(3000);
    assertThat(ack.after()).isEmpty();
    assertThat(ack.message()).contains("permission denied");
    assertThat(leases.held()).isEmpty();
  }

  @Test
  void a_failed_replacement_keeps_the_old_lease_so_the_node_still_reverts() {
    apply(cpuCap("a1", 2400, MINUTE));
    hardware.failWrites("device busy");
    assertThat(apply(cpuCap("a2", 2000, MINUTE)).status()).isEqualTo(Status.FAILED);
    hardware.failWrites(null);

    clock.advance(MINUTE);

    assertThat(leases.expireDue()).extracting(Lease::commandId).containsExactly("a1");
    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
  }

  @Test
  void a_revert_the_hardware_refuses_is_tried_again_on_the_next_call() {
    apply(cpuCap("a1", 2400, MINUTE));
    hardware.failWrites("device busy");
    clock.advance(MINUTE);

    assertThat(leases.expireDue()).isEmpty();
    assertThat(leases.held()).hasSize(1);

    hardware.failWrites(null);
    assertThat(leases.expireDue()).hasSize(1);
    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
  }

  @Test
  void closing_restores_every_default_and_rejects_later_commands() {
    apply(cpuCap("a1", 2400, MINUTE));
    apply(gpuLimit("g0", 0, 150));

    assertThat(leases.revertAllAndClose()).isEqualTo(2);

    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
    assertThat(hardware.read(SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(0)))).isEqualTo(300);
    assertThat(leases.held()).isEmpty();
    CommandAck late = apply(cpuCap("a2", 2000, MINUTE));
    assertThat(late.status()).isEqualTo(Status.REJECTED);
    assertThat(late.message()).contains("shutting down");
    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
  }

  @Test
  void refuses_a_maximum_lease_that_is_not_positive() {
    assertThatThrownBy(() -> new SetpointLeases(hardware, clock, Duration.ZERO, SKEW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLease");
  }
}
