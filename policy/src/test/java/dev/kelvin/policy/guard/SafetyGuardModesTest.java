package dev.kelvin.policy.guard;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.NOW;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modes per action type and cluster-wide rate limits. */
class SafetyGuardModesTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");

  private final ActionIds ids = new ActionIds(NOW);
  private final ClusterSnapshot snapshot = snapshot(fresh(reading().node("n07")));

  private ActionMeta meta() {
    return new ActionMeta(ids.next(), "rule", "because", List.of(), NOW, Duration.ofMinutes(2));
  }

  private static NodeId node(int i) {
    return NodeId.of("site-a", "n" + i);
  }

  @Test
  void in_shadow_mode_every_type_is_a_dry_run_and_nothing_is_held() {
    SafetyGuard shadow = new SafetyGuard(GuardSettings.defaults()
        .withModes(ModeTable.all(ActionMode.DRY_RUN)));

    List<GuardDecision> decisions = shadow.reviewAll(List.of(
        new SetCpuFrequencyCap(meta(), N07, 2400), new DrainNode(meta(), N07),
        new SuspendNode(meta(), node(8))), snapshot);

    assertThat(decisions).allMatch(decision -> decision instanceof GuardDecision.DryRun);
  }

  @Test
  void an_approved_held_action_passes_again_without_being_charged_a_second_time() {
    SafetyGuard guard = new SafetyGuard(GuardSettings.defaults());
    DrainNode drain = new DrainNode(meta(), N07);

    assertThat(guard.review(drain, snapshot)).isInstanceOf(GuardDecision.Held.class);
    assertThat(guard.review(new DrainNode(meta(), N07), snapshot))
        .isInstanceOf(GuardDecision.Rejected.class);
    assertThat(guard.recheckApproved(drain, snapshot))
        .isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void an_approved_setpoint_is_clamped_again_and_refused_on_a_stale_node() {
    SafetyGuard guard = new SafetyGuard(GuardSettings.defaults());
    SetCpuFrequencyCap low = new SetCpuFrequencyCap(meta(), N07, 100);

    GuardDecision passed = guard.recheckApproved(low, snapshot);
    GuardDecision stale = guard.recheckApproved(low, snapshot(dev.kelvin.policy.Nodes.stale(
        reading().node("n07"), Duration.ofMinutes(1))));

    assertThat(passed).isInstanceOf(GuardDecision.Approved.class);
    assertThat(((SetCpuFrequencyCap) ((GuardDecision.Approved) passed).action()).value())
        .isEqualTo(1200);
    assertThat(stale).isInstanceOf(GuardDecision.Rejected.class);
  }

  @Test
  void all_automatic_carries_out_what_needs_approval_by_default() {
    SafetyGuard automatic = new SafetyGuard(GuardSettings.defaults().allAutomatic());

    assertThat(automatic.review(new DrainNode(meta(), N07), snapshot))
        .isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void a_setpoint_type_that_needs_approval_is_held_after_its_checks_clamped_it() {
    SafetyGuard careful = new SafetyGuard(GuardSettings.defaults().withModes(
        ModeTable.defaults().with(ActionType.SET_CPU_FREQUENCY_CAP, ActionMode.NEEDS_APPROVAL)));

    GuardDecision decision = careful.review(new SetCpuFrequencyCap(meta(), N07, 900), snapshot);

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Held.class, held -> {
      assertThat(((SetCpuFrequencyCap) held.action()).capMhz()).isEqualTo(1200);
      assertThat(held.why()).startsWith("needs operator approval")
          .endsWith("clamped 900 → 1200 MHz: node minimum");
    });
  }

  @Test
  void the_default_modes_are_todays() {
    ModeTable defaults = ModeTable.defaults();

    assertThat(defaults.of(ActionType.SET_GPU_POWER_LIMIT)).isEqualTo(ActionMode.AUTOMATIC);
    assertThat(defaults.of(ActionType.WAKE_NODE)).isEqualTo(ActionMode.AUTOMATIC);
    assertThat(defaults.of(ActionType.MIGRATE_JOB)).isEqualTo(ActionMode.NEEDS_APPROVAL);
    assertThat(defaults.of(ActionType.FAILOVER_SITE)).isEqualTo(ActionMode.NEEDS_APPROVAL);
  }

  @Test
  void refuses_a_mode_table_that_misses_a_type() {
    assertThatThrownBy(() -> new ModeTable(Map.of(ActionType.NOTIFY, ActionMode.AUTOMATIC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no mode for action type set_cpu_freq_cap");
  }

  @Test
  void refuses_suspends_over_the_cluster_wide_rate_and_admits_them_once_the_window_moves() {
    SafetyGuard guard = new SafetyGuard(GuardSettings.defaults()
        .withRates(RateLimits.none().with(ActionType.SUSPEND_NODE, 3)));
    List<Action> burst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      burst.add(new SuspendNode(meta(), node(i)));
    }

    List<GuardDecision> first = guard.reviewAll(burst, snapshot);
    GuardDecision sameWindow = guard.review(new SuspendNode(meta(), node(10)),
        later(Duration.ofSeconds(59)));
    GuardDecision nextWindow = guard.review(new SuspendNode(meta(), node(11)),
        later(Duration.ofSeconds(60)));

    assertThat(first).filteredOn(decision -> decision instanceof GuardDecision.Held).hasSize(3);
    assertThat(first.get(3)).isInstanceOfSatisfying(GuardDecision.Rejected.class, refused ->
        assertThat(refused.why()).isEqualTo("cluster-wide rate limit of suspend_node reached:"
            + " 3 passed in the last 1 min, at most 3 per 1 min; the next can pass in 1 min"));
    assertThat(sameWindow).isInstanceOf(GuardDecision.Rejected.class);
    assertThat(nextWindow).isInstanceOf(GuardDecision.Held.class);
  }

  @Test
  void a_refused_action_uses_up_no_rate() {
    SafetyGuard guard = new SafetyGuard(GuardSettings.defaults()
        .withRates(RateLimits.none().with(ActionType.WAKE_NODE, 1)));
    WakeNode wake = new WakeNode(meta(), N07);

    guard.reviewAll(List.of(wake, new WakeNode(meta(), N07)), snapshot);

    assertThat(guard.review(new WakeNode(meta(), node(8)), later(Duration.ofMinutes(1))))
        .isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void rate_limits_refuse_a_negative_count_and_a_window_of_zero() {
    assertThatThrownBy(() -> RateLimits.none().with(ActionType.DRAIN_NODE, -1))
        .hasMessageContaining("rate limit of drain_node must be >= 0");
    assertThatThrownBy(() -> new RateLimits(Duration.ZERO, Map.of()))
        .hasMessageContaining("rate_window must be a positive duration");
  }

  private ClusterSnapshot later(Duration by) {
    return new ClusterSnapshot(snapshot.at().plus(by), snapshot.nodes(), snapshot.sites(),
        snapshot.jobs());
  }
}
