package dev.kelvin.core.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionsTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");
  private final ActionIds ids = new ActionIds(MutableClock.START);

  @Test
  void a_cpu_cap_without_a_lease_is_refused_so_nothing_stays_throttled() {
    assertThatThrownBy(() -> new SetCpuFrequencyCap(meta(Duration.ZERO), N07, 2400))
        .hasMessageContaining("lease").hasMessageContaining("site-a/n07");
  }

  @Test
  void every_action_needs_a_rule_and_a_reason() {
    assertThatThrownBy(() -> new ActionMeta(ids.next(), " ", "why", List.of(),
        MutableClock.START, Duration.ZERO)).hasMessageContaining("rule");
    assertThatThrownBy(() -> new ActionMeta(ids.next(), "r", "", List.of(),
        MutableClock.START, Duration.ZERO)).hasMessageContaining("reason");
  }

  @Test
  void a_setpoint_clamped_by_with_value_keeps_its_id_rule_and_lease() {
    SetCpuFrequencyCap proposal = new SetCpuFrequencyCap(meta(Duration.ofMinutes(2)), N07, 1000);
    SetpointAction clamped = proposal.withValue(1200);
    assertThat(clamped.value()).isEqualTo(1200);
    assertThat(clamped.id()).isEqualTo(proposal.id());
    assertThat(clamped.rule()).isEqualTo(proposal.rule());
    assertThat(clamped.lease()).isEqualTo(Duration.ofMinutes(2));
    assertThat(clamped.kind()).isEqualTo(SetpointKind.CPU_FREQ_CAP);
  }

  @Test
  void actions_describe_themselves_and_their_target_for_operators() {
    SetCpuFrequencyCap cap = new SetCpuFrequencyCap(meta(Duration.ofMinutes(2)), N07, 2400);
    assertThat(cap.describe()).isEqualTo("cap CPU at 2400 MHz");
    assertThat(cap.target()).isEqualTo("site-a/n07");
    SetGpuPowerLimit gpu = new SetGpuPowerLimit(meta(Duration.ofMinutes(2)), N07, 1, 250.5);
    assertThat(gpu.describe()).isEqualTo("limit GPU 1 to 250.5 W");
    assertThat(gpu.device()).contains(dev.kelvin.core.model.Device.gpu(1));
    assertThat(gpu.type().wireName()).isEqualTo("set_gpu_power_limit");
  }

  @Test
  void ids_are_unique_and_repeatable_for_the_same_start() {
    ActionIds again = new ActionIds(MutableClock.START);
    ActionId first = ids.next();
    assertThat(ids.next()).isNotEqualTo(first);
    assertThat(again.next()).isEqualTo(first);
  }

  @Test
  void ids_count_in_six_digits_at_least_after_the_start_in_base_36() {
    ActionIds fresh = new ActionIds(Instant.ofEpochSecond(36 * 36 + 35));
    assertThat(fresh.next().value()).isEqualTo("a-10z-000001");
    for (int i = 2; i < 1_000_000; i++) {
      fresh.next();
    }
    assertThat(fresh.next().value()).isEqualTo("a-10z-1000000");
  }

  @Test
  void two_controllers_started_in_the_same_second_hand_out_different_ids() {
    ActionIds one = ActionIds.forController(MutableClock.START, new java.util.Random(1));
    ActionIds two = ActionIds.forController(MutableClock.START, new java.util.Random(2));
    assertThat(one.next()).isNotEqualTo(two.next());
  }

  @Test
  void a_fact_prints_its_name_value_and_unit() {
    assertThat(new Fact("cpu_temp_c", 91.234, "°C")).hasToString("cpu_temp_c=91.23 °C");
    assertThat(new Fact("cpu_freq_cap_mhz", 2400, "MHz")).hasToString("cpu_freq_cap_mhz=2400 MHz");
  }

  private ActionMeta meta(Duration lease) {
    return new ActionMeta(ids.next(), "thermal-cap-cpu", "CPU above its limit", List.of(),
        MutableClock.START, lease);
  }
}
