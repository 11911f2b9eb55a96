package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.LEASE;
import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static dev.kelvin.actuators.TestActions.gpuLimit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.AckChecks.Refused;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandAck.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Which acks to a command in flight can be believed: status, read-back and lease. */
class AckChecksTest {
  private static final Instant NOW = MutableClock.START;
  private static final Duration SKEW = Duration.ofSeconds(2);

  private final SetCpuFrequencyCap cap = cpuCap("a-1", N07, 2400);

  @Test
  void believes_an_applied_ack_that_reads_back_and_grants_the_asked_lease() {
    Instant appliedAt = NOW.minusMillis(30);

    assertThat(check(cap, applied(2600, 2400, appliedAt, appliedAt.plus(LEASE)))).isEmpty();
  }

  @Test
  void believes_an_applied_ack_that_grants_no_lease_or_a_shorter_one() {
    assertThat(check(cap, ack(Status.APPLIED, OptionalDouble.of(2400), Optional.empty(), NOW)))
        .isEmpty();
    assertThat(check(cap, applied(2600, 2400, NOW, NOW.plusSeconds(60)))).isEmpty();
  }

  @Test
  void believes_an_agent_whose_clock_runs_ahead_by_less_than_the_allowance() {
    Instant agentNow = NOW.plus(SKEW).minusMillis(1);

    assertThat(check(cap, applied(2600, 2400, agentNow, agentNow.plus(LEASE)))).isEmpty();
  }

  @Test
  void believes_a_rejected_or_failed_ack_without_a_lease() {
    assertThat(check(cap, ack(Status.REJECTED, OptionalDouble.empty(), Optional.empty(), NOW)))
        .isEmpty();
    assertThat(check(cap, ack(Status.FAILED, OptionalDouble.empty(), Optional.empty(), NOW)))
        .isEmpty();
  }

  @Test
  void refuses_an_applied_ack_without_a_read_back_as_inconsistent() {
    Optional<Refused> refused = check(cap, ack(Status.APPLIED, OptionalDouble.empty(),
        Optional.of(NOW.plus(LEASE)), NOW));

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.INCONSISTENT);
    assertThat(refused.orElseThrow().why()).startsWith("status applied without a read-back");
  }

  @Test
  void refuses_a_read_back_no_cpu_cap_can_take_naming_the_likely_unit_mistake() {
    Optional<Refused> refused = check(cap, applied(2600, 2_400_000, NOW, NOW.plus(LEASE)));

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.INCONSISTENT);
    assertThat(refused.orElseThrow().why()).startsWith("'after' is no value cpu_freq_cap_mhz"
        + " can take").contains("kHz");
  }

  @Test
  void refuses_a_before_value_out_of_range_of_a_gpu_power_limit() {
    Optional<Refused> refused = check(gpuLimit("a-2", N07, 0, 250),
        applied(300_000, 250, NOW, NOW.plus(LEASE)));

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.INCONSISTENT);
    assertThat(refused.orElseThrow().why()).startsWith("'before' is no value gpu_power_limit_w");
  }

  @Test
  void refuses_a_rejected_or_failed_ack_that_claims_a_lease() {
    for (Status status : new Status[] {Status.REJECTED, Status.FAILED}) {
      Optional<Refused> refused = check(cap, ack(status, OptionalDouble.empty(),
          Optional.of(NOW.plus(LEASE)), NOW));

      assertThat(refused).map(Refused::reason).hasValue(AckRefusal.INCONSISTENT);
      assertThat(refused.orElseThrow().why()).endsWith("a command that was not applied grants"
          + " no lease");
    }
  }

  @Test
  void refuses_a_rejected_ack_that_reads_back_a_new_value() {
    Optional<Refused> refused = check(cap, ack(Status.REJECTED, OptionalDouble.of(1200),
        Optional.empty(), NOW));

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.INCONSISTENT);
    assertThat(refused.orElseThrow().why()).isEqualTo("status rejected with a read-back"
        + " ('after') of 1200 MHz: a rejected command changed nothing");
  }

  @Test
  void refuses_a_lease_longer_than_asked_by_the_agents_own_clock() {
    Optional<Refused> refused = check(cap, applied(2600, 2400, NOW,
        NOW.plus(LEASE).plusSeconds(1)));

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.LEASE_TOO_LONG);
    assertThat(refused.orElseThrow().why()).isEqualTo("lease until 2026-01-01T00:02:01Z runs"
        + " 121 s from the ack's own time 2026-01-01T00:00:00Z, but the command asked for"
        + " 120 s");
  }

  @Test
  void refuses_a_lease_that_ends_beyond_the_asked_lease_and_the_clock_allowance() {
    Instant forgedNow = NOW.plus(Duration.ofHours(1));

    Optional<Refused> refused = check(cap, applied(2600, 1200, forgedNow,
        forgedNow.plus(LEASE)));

    assertThat(refused).map(Refused::reason).hasValue(AckRefusal.LEASE_TOO_LONG);
    assertThat(refused.orElseThrow().why()).isEqualTo("lease until 2026-01-01T01:02:00Z ends"
        + " 3600 s after the asked 120 s counted from the ack's arrival at 2026-01-01T00:00:00Z,"
        + " more than the 2 s a node's clock may run ahead of this controller's");
  }

  @Test
  void allows_a_millisecond_of_rounding_from_the_lease_in_seconds_on_the_wire() {
    assertThat(check(cap, applied(2600, 2400, NOW, NOW.plus(LEASE).plusMillis(1)))).isEmpty();
    assertThat(check(cap, applied(2600, 2400, NOW, NOW.plus(LEASE).plusMillis(2))))
        .map(Refused::reason).hasValue(AckRefusal.LEASE_TOO_LONG);
  }

  private static Optional<Refused> check(SetpointAction action, CommandAck ack) {
    return AckChecks.check(action, ack, NOW, SKEW);
  }

  private static CommandAck applied(double before, double after, Instant at, Instant leaseEnd) {
    return new CommandAck("a-1", Status.APPLIED, OptionalDouble.of(before),
        OptionalDouble.of(after), Optional.of(leaseEnd), at, "");
  }

  private static CommandAck ack(Status status, OptionalDouble after, Optional<Instant> lease,
      Instant at) {
    return new CommandAck("a-1", status, OptionalDouble.empty(), after, lease, at, "");
  }
}
