package dev.kelvin.actuators;

import static dev.kelvin.actuators.TestActions.N07;
import static dev.kelvin.actuators.TestActions.answer;
import static dev.kelvin.actuators.TestActions.applied;
import static dev.kelvin.actuators.TestActions.cpuCap;
import static dev.kelvin.actuators.TestActions.gpuLimit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SetpointCommandsTest {
  private final Instant now = MutableClock.START.plusSeconds(30);

  @Test
  void maps_a_cpu_cap_to_a_command_with_its_id_value_lease_and_rule() {
    NodeCommand command = SetpointCommands.command(cpuCap("a-t4k2qz-000017", N07, 2400), now);

    assertThat(command).isEqualTo(new NodeCommand("a-t4k2qz-000017",
        SetpointKind.CPU_FREQ_CAP, java.util.Optional.empty(), 2400, Duration.ofSeconds(120), now,
        "thermal-cap-cpu"));
  }

  @Test
  void maps_a_gpu_power_limit_to_a_command_for_its_gpu() {
    NodeCommand command = SetpointCommands.command(gpuLimit("a-2", N07, 3, 250), now);

    assertThat(command.kind()).isEqualTo(SetpointKind.GPU_POWER_LIMIT);
    assertThat(command.device()).contains(dev.kelvin.core.model.Device.gpu(3));
    assertThat(command.value()).isEqualTo(250);
  }

  @Test
  void maps_a_node_power_cap_to_a_whole_node_command() {
    SetNodePowerCap cap = new SetNodePowerCap(TestActions.meta("a-3", Duration.ofMinutes(5)),
        N07, 450);

    NodeCommand command = SetpointCommands.command(cap, now);

    assertThat(command.kind()).isEqualTo(SetpointKind.NODE_POWER_CAP);
    assertThat(command.device()).isEmpty();
    assertThat(command.lease()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void an_applied_ack_becomes_applied_with_before_after_and_lease_end() {
    Instant leaseEnd = now.plusSeconds(120);

    ActionResult result = SetpointCommands.result(cpuCap("a-1", N07, 2400),
        applied("a-1", 2600, 2400, leaseEnd), now);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.before()).hasValue(2600);
    assertThat(result.after()).hasValue(2400);
    assertThat(result.leaseExpiresAt()).hasValue(leaseEnd);
    assertThat(result.at()).isEqualTo(now);
    assertThat(result.detail()).isEqualTo("site-a/n07 applied cap CPU at 2400 MHz (was 2600 MHz)"
        + " until " + leaseEnd);
  }

  @Test
  void says_when_the_node_raised_the_value_to_its_minimum() {
    SetCpuFrequencyCap cap = cpuCap("a-1", N07, 1000);
    CommandAck ack = new CommandAck("a-1", CommandAck.Status.APPLIED, OptionalDouble.of(2600),
        OptionalDouble.of(1200), Optional.of(now.plusSeconds(120)), now,
        "clamped to cpuinfo_min_freq");

    ActionResult result = SetpointCommands.result(cap, ack, now);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.detail()).isEqualTo("site-a/n07 applied 1200 MHz, not the 1000 MHz asked:"
        + " its minimum (was 2600 MHz); agent: clamped to cpuinfo_min_freq");
  }

  @Test
  void says_when_the_node_lowered_the_value_to_its_maximum() {
    ActionResult result = SetpointCommands.result(gpuLimit("a-1", N07, 0, 450),
        applied("a-1", 300, 400, now), now);

    assertThat(result.detail()).startsWith("site-a/n07 applied 400 W, not the 450 W asked: its"
        + " maximum");
  }

  @Test
  void a_read_back_within_half_a_percent_is_not_called_clamped() {
    ActionResult result = SetpointCommands.result(cpuCap("a-1", N07, 2400),
        applied("a-1", 2600, 2395, now), now);

    assertThat(result.detail()).startsWith("site-a/n07 applied cap CPU at 2400 MHz");
  }

  @Test
  void an_applied_ack_without_read_back_says_so() {
    ActionResult result = SetpointCommands.result(cpuCap("a-1", N07, 2400),
        answer("a-1", CommandAck.Status.APPLIED, ""), now);

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.after()).isEmpty();
    assertThat(result.detail()).isEqualTo("site-a/n07 applied cap CPU at 2400 MHz but read back"
        + " no value");
  }

  @Test
  void a_rejected_ack_becomes_rejected_with_the_agents_reason() {
    ActionResult result = SetpointCommands.result(gpuLimit("a-1", N07, 7, 250),
        answer("a-1", CommandAck.Status.REJECTED, "no GPU 7 on this node"), now);

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.detail()).isEqualTo("site-a/n07 rejected limit GPU 7 to 250 W: no GPU 7 on"
        + " this node");
  }

  @Test
  void an_agents_long_or_multi_line_reason_reaches_the_audit_cut_and_escaped() {
    ActionResult result = SetpointCommands.result(cpuCap("a-1", N07, 2400),
        answer("a-1", CommandAck.Status.REJECTED, "bad\n" + "x".repeat(10_000)), now);

    assertThat(result.detail()).startsWith("site-a/n07 rejected cap CPU at 2400 MHz: bad\\u000axx")
        .endsWith("... (10004 chars)").hasSizeLessThan(400);
  }

  @Test
  void a_failed_ack_becomes_failed_and_says_when_the_agent_gave_no_reason() {
    ActionResult result = SetpointCommands.result(cpuCap("a-1", N07, 2400),
        answer("a-1", CommandAck.Status.FAILED, " "), now);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).isEqualTo("site-a/n07 failed to apply cap CPU at 2400 MHz: the"
        + " agent gave no reason");
  }

  @Test
  void a_timeout_names_the_node_and_how_long_it_waited() {
    ActionResult result = SetpointCommands.timedOut(cpuCap("a-1", N07, 2400),
        Duration.ofMillis(1500), now);

    assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
    assertThat(result.detail()).startsWith("no ack from site-a/n07 within 1.5 s: is its agent"
        + " running?");
  }

  @Test
  void formats_durations_as_an_operator_reads_them() {
    assertThat(SetpointCommands.format(Duration.ofSeconds(5))).isEqualTo("5 s");
    assertThat(SetpointCommands.format(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(SetpointCommands.format(2412.37)).isEqualTo("2412.4");
  }
}
