package dev.kelvin.policy.guard;

import static dev.kelvin.core.testkit.Readings.reading;
import static dev.kelvin.policy.Nodes.NOW;
import static dev.kelvin.policy.Nodes.fresh;
import static dev.kelvin.policy.Nodes.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tick's proposals reviewed together: duplicates, conflicts and repeats across ticks. */
class SafetyGuardTickTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");

  private final ActionIds ids = new ActionIds(NOW);
  private final SafetyGuard guard = new SafetyGuard(GuardSettings.defaults());
  private final ClusterSnapshot snapshot = snapshot(fresh(reading().node("n07")
      .device(Device.gpu(0), MetricValues.builder().set(NodeMetric.GPU_POWER_LIMIT_WATTS, 300)
          .set(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, 100)
          .set(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, 400).build())));

  private ActionMeta meta(String rule) {
    return new ActionMeta(ids.next(), rule, "because", List.of(), NOW, Duration.ofMinutes(2));
  }

  private SetCpuFrequencyCap cap(String rule, double capMhz) {
    return new SetCpuFrequencyCap(meta(rule), N07, capMhz);
  }

  @Test
  void of_two_caps_on_one_node_in_one_tick_the_lower_wins_and_the_higher_names_it() {
    SetCpuFrequencyCap thermal = cap("thermal", 2600);
    SetCpuFrequencyCap budget = cap("power-budget", 2200);

    List<GuardDecision> decisions = guard.reviewAll(List.of(thermal, budget), snapshot);

    assertThat(decisions.get(1)).isEqualTo(new GuardDecision.Approved(budget, List.of()));
    assertThat(decisions.get(0)).isInstanceOfSatisfying(GuardDecision.Rejected.class, lost ->
        assertThat(lost.why()).isEqualTo("superseded by " + budget.id() + " from rule"
            + " power-budget: of two cpu_freq_cap_mhz setpoints on site-a/n07 cpu_freq_cap_mhz"
            + " in one tick the lower wins (2200 < 2600 MHz)"));
  }

  @Test
  void limits_on_two_different_gpus_of_one_node_do_not_conflict() {
    List<Action> limits = List.of(new SetGpuPowerLimit(meta("a"), N07, 0, 250),
        new SetCpuFrequencyCap(meta("b"), N07, 2400));

    assertThat(guard.reviewAll(limits, snapshot))
        .allMatch(decision -> decision instanceof GuardDecision.Approved);
  }

  @Test
  void the_same_cap_twice_in_one_tick_is_refused_once_as_a_duplicate() {
    SetCpuFrequencyCap first = cap("thermal", 2400);
    SetCpuFrequencyCap again = cap("power-budget", 2400);

    List<GuardDecision> decisions = guard.reviewAll(List.of(first, again), snapshot);

    assertThat(decisions.get(0)).isInstanceOf(GuardDecision.Approved.class);
    assertThat(decisions.get(1)).isInstanceOfSatisfying(GuardDecision.Rejected.class, dup ->
        assertThat(dup.why()).startsWith("duplicate of " + first.id() + " from rule thermal in"
            + " the same tick"));
  }

  @Test
  void a_drain_held_for_approval_makes_an_identical_one_a_duplicate_until_the_repeat_time() {
    DrainNode drain = new DrainNode(meta("failure-risk"), N07);
    assertThat(guard.review(drain, snapshot)).isInstanceOf(GuardDecision.Held.class);

    GuardDecision nextTick = guard.review(new DrainNode(meta("failure-risk"), N07),
        later(Duration.ofSeconds(1)));
    GuardDecision afterRepeat = guard.review(new DrainNode(meta("failure-risk"), N07),
        later(Duration.ofMinutes(10).plusSeconds(1)));

    assertThat(nextTick).isInstanceOfSatisfying(GuardDecision.Rejected.class, dup ->
        assertThat(dup.why()).startsWith("duplicate of " + drain.id() + " from rule"
            + " failure-risk, let through 1 s ago").contains("refused for 10 min"));
    assertThat(afterRepeat).isInstanceOf(GuardDecision.Held.class);
  }

  @Test
  void a_notice_with_another_message_is_no_duplicate() {
    Notify hot = new Notify(meta("r"), Notify.Severity.WARNING, "site-a", "hot");
    Notify cold = new Notify(meta("r"), Notify.Severity.WARNING, "site-a", "cold");

    assertThat(guard.reviewAll(List.of(hot, cold), snapshot))
        .allMatch(decision -> decision instanceof GuardDecision.Approved);
  }

  @Test
  void a_drain_wins_over_a_resume_of_the_same_node_in_either_order() {
    ResumeNode resume = new ResumeNode(meta("idle"), N07);
    DrainNode drain = new DrainNode(meta("failure-risk"), N07);

    List<GuardDecision> decisions = guard.reviewAll(List.of(resume, drain), snapshot);

    assertThat(decisions.get(1)).isInstanceOf(GuardDecision.Held.class);
    assertThat(decisions.get(0)).isInstanceOfSatisfying(GuardDecision.Rejected.class, lost ->
        assertThat(lost.why()).startsWith("conflicts with " + drain.id() + " from rule"
            + " failure-risk").endsWith("a drain wins over a resume"));
  }

  @Test
  void a_wake_wins_over_a_suspend_and_a_migration_off_a_node_stops_its_suspend() {
    NodeId n08 = NodeId.of("site-a", "n08");
    List<Action> proposals = List.of(new SuspendNode(meta("idle"), N07),
        new WakeNode(meta("forecast"), N07), new SuspendNode(meta("idle"), n08),
        new MigrateJob(meta("risk"), new JobId("4711"), n08, MigrateJob.Mode.CHECKPOINT_RESTART));

    List<GuardDecision> decisions = guard.reviewAll(proposals, snapshot);

    assertThat(decisions.get(0)).isInstanceOfSatisfying(GuardDecision.Rejected.class, lost ->
        assertThat(lost.why()).endsWith("a wake wins over a suspend"));
    assertThat(decisions.get(1)).isInstanceOf(GuardDecision.Approved.class);
    assertThat(decisions.get(2)).isInstanceOfSatisfying(GuardDecision.Rejected.class, lost ->
        assertThat(lost.why()).endsWith("a node is not suspended while it is drained or its"
            + " jobs move"));
    assertThat(decisions.get(3)).isInstanceOf(GuardDecision.Held.class);
  }

  @Test
  void answers_one_decision_per_proposal_in_their_order() {
    List<Action> proposals = List.of(cap("a", 2000), new WakeNode(meta("b"), N07),
        cap("c", 2000), new DrainNode(meta("d"), N07));

    List<GuardDecision> decisions = guard.reviewAll(proposals, snapshot);

    assertThat(decisions).extracting(decision -> decision.action().id())
        .containsExactlyElementsOf(proposals.stream().map(Action::id).toList());
  }

  private ClusterSnapshot later(Duration by) {
    return new ClusterSnapshot(snapshot.at().plus(by), snapshot.nodes(), snapshot.sites(),
        snapshot.jobs());
  }
}
