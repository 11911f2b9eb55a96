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
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.policy.Nodes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SafetyGuardTest {
  private static final NodeId N07 = NodeId.of("site-a", "n07");

  private final ActionIds ids = new ActionIds(NOW);
  private final SafetyGuard guard = new SafetyGuard(GuardSettings.defaults());

  /** n07 with a CPU range of 1200-3000 MHz, capped at {@code capMhz}. */
  private static Readings n07(double capMhz) {
    return reading().node("n07").with(NodeMetric.CPU_FREQ_CAP_MHZ, capMhz);
  }

  private ActionMeta meta(Duration lease) {
    return new ActionMeta(ids.next(), "test-rule", "because the test says so", List.of(), NOW,
        lease);
  }

  private SetCpuFrequencyCap cap(NodeId node, double capMhz) {
    return new SetCpuFrequencyCap(meta(Duration.ofMinutes(2)), node, capMhz);
  }

  private static ClusterSnapshot later(ClusterSnapshot snapshot, Duration by) {
    return new ClusterSnapshot(snapshot.at().plus(by), snapshot.nodes(), snapshot.sites(),
        snapshot.jobs());
  }

  @Test
  void approves_a_cap_within_the_node_limits_unchanged() {
    SetCpuFrequencyCap proposal = cap(N07, 2800);

    GuardDecision decision = guard.review(proposal, snapshot(fresh(n07(3000))));

    assertThat(decision).isEqualTo(new GuardDecision.Approved(proposal, List.of()));
  }

  @Test
  void clamps_a_cap_below_the_node_minimum_up_to_the_minimum() {
    GuardDecision decision = guard.review(cap(N07, 1000), snapshot(fresh(n07(2000))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Approved.class, approved -> {
      assertThat(((SetCpuFrequencyCap) approved.action()).capMhz()).isEqualTo(1200);
      assertThat(approved.notes()).containsExactly("clamped 1000 → 1200 MHz: node minimum");
    });
  }

  @Test
  void clamps_a_cap_above_the_node_maximum_down_to_the_maximum() {
    GuardDecision decision = guard.review(cap(N07, 3600), snapshot(fresh(n07(2000))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Approved.class, approved -> {
      assertThat(((SetCpuFrequencyCap) approved.action()).capMhz()).isEqualTo(3000);
      assertThat(approved.notes()).containsExactly("clamped 3600 → 3000 MHz: node maximum");
    });
  }

  @Test
  void rejects_a_cap_equal_to_the_one_in_force() {
    GuardDecision decision = guard.review(cap(N07, 2800), snapshot(fresh(n07(2800))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
        assertThat(rejected.why()).isEqualTo(
            "site-a/n07 already holds 2800 MHz (cpu_freq_cap_mhz): nothing to change"));
  }

  @Test
  void rejects_a_cap_at_the_maximum_of_a_node_that_reports_no_cap() {
    Readings uncapped = reading().node("n07").without(NodeMetric.CPU_FREQ_CAP_MHZ);

    assertThat(guard.review(cap(N07, 3000), snapshot(fresh(uncapped))))
        .isInstanceOf(GuardDecision.Rejected.class);
  }

  @Test
  void rejects_a_cap_that_clamping_turns_into_a_no_op() {
    GuardDecision decision = guard.review(cap(N07, 900), snapshot(fresh(n07(1200))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
        assertThat(rejected.why()).contains("already holds 1200 MHz")
            .contains("after clamped 900 → 1200 MHz: node minimum"));
  }

  @Test
  void rejects_a_second_setpoint_within_the_dwell_time_and_admits_it_after() {
    ClusterSnapshot first = snapshot(fresh(n07(3000)));
    assertThat(guard.review(cap(N07, 2800), first)).isInstanceOf(GuardDecision.Approved.class);

    GuardDecision tooSoon = guard.review(cap(N07, 2600), later(first, Duration.ofSeconds(5)));
    GuardDecision stillSoon = guard.review(cap(N07, 2600),
        later(first, Duration.ofMillis(19_999)));
    GuardDecision afterDwell = guard.review(cap(N07, 2600), later(first, Duration.ofSeconds(20)));

    assertThat(tooSoon).isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
        assertThat(rejected.why()).isEqualTo("site-a/n07 got a cpu_freq_cap_mhz setpoint 5 s"
            + " ago: wait 15 s more (minimum dwell 20 s)"));
    assertThat(stillSoon).isInstanceOf(GuardDecision.Rejected.class);
    assertThat(afterDwell).isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void keeps_the_dwell_time_per_node() {
    ClusterSnapshot first = snapshot(fresh(n07(3000)), fresh(n07(3000).node("n08")));
    guard.review(cap(N07, 2800), first);
    ClusterSnapshot soon = later(first, Duration.ofSeconds(1));

    GuardDecision otherNode = guard.review(cap(NodeId.of("site-a", "n08"), 2800), soon);

    assertThat(otherNode).isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void a_rejected_setpoint_does_not_start_the_dwell_time() {
    ClusterSnapshot first = snapshot(fresh(n07(2800)));
    assertThat(guard.review(cap(N07, 2800), first)).isInstanceOf(GuardDecision.Rejected.class);

    assertThat(guard.review(cap(N07, 2600), later(first, Duration.ofSeconds(1))))
        .isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void rejects_a_setpoint_for_a_stale_node() {
    ClusterSnapshot snapshot = snapshot(Nodes.stale(n07(3000), Duration.ofSeconds(14)));

    assertThat(guard.review(cap(N07, 2800), snapshot))
        .isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected -> assertThat(
            rejected.why()).isEqualTo("no fresh telemetry from site-a/n07 for 14 s: will not"
                + " act blind"));
  }

  @Test
  void rejects_a_setpoint_for_a_node_missing_from_the_snapshot() {
    GuardDecision decision =
        guard.review(cap(NodeId.of("site-b", "n99"), 2800), snapshot(fresh(n07(3000))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
        assertThat(rejected.why()).startsWith("site-b/n99 is not in the snapshot")
            .endsWith("will not act blind"));
  }

  @Test
  void rejects_a_cpu_cap_for_a_node_that_reports_no_frequency_range() {
    Readings noRange = n07(3000).without(NodeMetric.CPU_FREQ_MIN_MHZ);

    assertThat(guard.review(cap(N07, 2800), snapshot(fresh(noRange))))
        .isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
            assertThat(rejected.why()).contains("reports no cpu_freq_min_mhz"));
  }

  @Test
  void caps_a_lease_longer_than_the_maximum() {
    SetCpuFrequencyCap longLease = new SetCpuFrequencyCap(meta(Duration.ofMinutes(30)), N07,
        2800);

    GuardDecision decision = guard.review(longLease, snapshot(fresh(n07(3000))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Approved.class, approved -> {
      assertThat(approved.action().lease()).isEqualTo(Duration.ofMinutes(10));
      assertThat(approved.action().id()).isEqualTo(longLease.id());
      assertThat(((SetCpuFrequencyCap) approved.action()).capMhz()).isEqualTo(2800);
      assertThat(approved.notes()).containsExactly("lease capped 30 min → 10 min: guard maximum");
    });
  }

  @Test
  void capping_a_lease_keeps_the_model_version_the_audit_log_traces() {
    ActionMeta fromModel = new ActionMeta(ids.next(), "test-rule", "because the model says so",
        List.of(), NOW, Duration.ofMinutes(30), Optional.of("power-gbt-7"));

    GuardDecision decision = guard.review(new SetCpuFrequencyCap(fromModel, N07, 2800),
        snapshot(fresh(n07(3000))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Approved.class, approved -> {
      assertThat(approved.action().lease()).isEqualTo(Duration.ofMinutes(10));
      assertThat(approved.action().meta().modelVersion()).contains("power-gbt-7");
    });
  }

  @Test
  void rejects_a_gpu_power_limit_on_a_gpu_whose_limits_the_node_does_not_report() {
    SetGpuPowerLimit limit = new SetGpuPowerLimit(meta(Duration.ofMinutes(2)), N07, 1, 250);

    assertThat(guard.review(limit, snapshot(fresh(n07(3000).device(Device.gpu(0), gpu(300))))))
        .isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
            assertThat(rejected.why()).isEqualTo("site-a/n07 reports no gpu_power_limit_min_w"
                + " for gpu 1: cannot check a gpu_power_limit_w setpoint against the"
                + " hardware's limits, so will not set one"));
  }

  @Test
  void clamps_a_gpu_power_limit_to_the_limits_that_gpu_reports() {
    SetGpuPowerLimit limit = new SetGpuPowerLimit(meta(Duration.ofMinutes(2)), N07, 0, 50);

    GuardDecision decision = guard.review(limit,
        snapshot(fresh(n07(3000).device(Device.gpu(0), gpu(300)))));

    assertThat(decision).isInstanceOfSatisfying(GuardDecision.Approved.class, approved -> {
      assertThat(((SetGpuPowerLimit) approved.action()).limitWatts()).isEqualTo(100);
      assertThat(approved.notes()).containsExactly("clamped 50 → 100 W: node minimum");
    });
  }

  @Test
  void rejects_a_gpu_power_limit_the_gpu_already_holds() {
    SetGpuPowerLimit limit = new SetGpuPowerLimit(meta(Duration.ofMinutes(2)), N07, 0, 300);

    assertThat(guard.review(limit, snapshot(fresh(n07(3000).device(Device.gpu(0), gpu(300))))))
        .isInstanceOf(GuardDecision.Rejected.class);
  }

  @Test
  void rejects_a_node_power_cap_of_any_value_while_the_node_reports_no_limits() {
    ClusterSnapshot snapshot = snapshot(fresh(n07(3000)));

    for (double watts : List.of(1.0, 350.0, 1e6)) {
      SetNodePowerCap cap = new SetNodePowerCap(meta(Duration.ofMinutes(2)), N07, watts);
      assertThat(guard.review(cap, snapshot))
          .isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
              assertThat(rejected.why()).contains("reports no node_power_cap_min_w"));
    }
  }

  @Test
  void caps_a_node_power_cap_at_the_maximum_the_node_reports() {
    SetNodePowerCap cap = new SetNodePowerCap(meta(Duration.ofMinutes(2)), N07, 900);
    Readings node = n07(3000).with(NodeMetric.NODE_POWER_CAP_MIN_WATTS, 150)
        .with(NodeMetric.NODE_POWER_CAP_MAX_WATTS, 600)
        .with(NodeMetric.NODE_POWER_CAP_WATTS, 600);

    assertThat(guard.review(cap, snapshot(fresh(node))))
        .as("900 W clamps to the 600 W maximum, which is in force already: nothing to do")
        .isInstanceOf(GuardDecision.Rejected.class);
    SetNodePowerCap lower = new SetNodePowerCap(meta(Duration.ofMinutes(2)), N07, 400);
    assertThat(guard.review(lower, snapshot(fresh(node))))
        .isInstanceOf(GuardDecision.Approved.class);
  }

  private static MetricValues gpu(double limitWatts) {
    return MetricValues.builder().set(NodeMetric.GPU_POWER_LIMIT_WATTS, limitWatts)
        .set(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, 100)
        .set(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, 400).build();
  }

  @Test
  void refuses_every_action_while_the_audit_log_cannot_be_written_and_acts_again_after() {
    AtomicBoolean writable = new AtomicBoolean(false);
    SafetyGuard audited = new SafetyGuard(GuardSettings.defaults(), writable::get);
    ClusterSnapshot snapshot = snapshot(fresh(n07(3000)));
    List<Action> proposals = List.of(cap(N07, 2800), notice(),
        new DrainNode(meta(Duration.ZERO), N07), new ResumeNode(meta(Duration.ZERO), N07));

    for (Action proposal : proposals) {
      assertThat(audited.review(proposal, snapshot))
          .isInstanceOfSatisfying(GuardDecision.Rejected.class, rejected ->
              assertThat(rejected.why()).startsWith("the audit log cannot be written")
                  .contains("refusing every action"));
    }
    writable.set(true);

    assertThat(audited.review(cap(N07, 2800), snapshot))
        .isInstanceOf(GuardDecision.Approved.class);
    assertThat(audited.review(notice(), snapshot)).isInstanceOf(GuardDecision.Approved.class);
  }

  @Test
  void in_dry_run_reports_what_it_would_approve_and_still_keeps_the_dwell_time() {
    SafetyGuard dryRun = new SafetyGuard(GuardSettings.defaults()
        .withMode(GuardSettings.Mode.DRY_RUN));
    ClusterSnapshot snapshot = snapshot(fresh(n07(3000)));

    GuardDecision first = dryRun.review(cap(N07, 1000), snapshot);
    GuardDecision second = dryRun.review(cap(N07, 2000), later(snapshot, Duration.ofSeconds(3)));
    GuardDecision notice = dryRun.review(notice(), snapshot);

    assertThat(first).isInstanceOfSatisfying(GuardDecision.DryRun.class, dry -> {
      assertThat(((SetCpuFrequencyCap) dry.action()).capMhz()).isEqualTo(1200);
      assertThat(dry.notes()).containsExactly("clamped 1000 → 1200 MHz: node minimum");
    });
    assertThat(second).isInstanceOf(GuardDecision.Rejected.class);
    assertThat(notice).isInstanceOf(GuardDecision.DryRun.class);
  }

  @Test
  void holds_disruptive_actions_for_an_operator_in_every_mode() {
    List<Action> disruptive = List.of(new DrainNode(meta(Duration.ZERO), N07),
        new SuspendNode(meta(Duration.ZERO), N07),
        new MigrateJob(meta(Duration.ZERO), new JobId("4711"), N07, MigrateJob.Mode.REQUEUE),
        new FailoverSite(meta(Duration.ZERO), SiteId.of("site-a"), SiteId.of("site-b")));
    SafetyGuard dryRun = new SafetyGuard(GuardSettings.defaults()
        .withMode(GuardSettings.Mode.DRY_RUN));
    ClusterSnapshot snapshot = snapshot(fresh(n07(3000)));

    for (Action action : disruptive) {
      for (SafetyGuard each : List.of(guard, dryRun)) {
        assertThat(each.review(action, snapshot)).isInstanceOfSatisfying(GuardDecision.Held.class,
            held -> assertThat(held.why()).startsWith("needs operator approval")
                .contains(action.target()));
      }
    }
  }

  @Test
  void approves_notices_resume_and_wake() {
    ClusterSnapshot snapshot = snapshot(fresh(n07(3000)));
    List<Action> harmless = List.of(notice(), new ResumeNode(meta(Duration.ZERO), N07),
        new WakeNode(meta(Duration.ZERO), NodeId.of("site-a", "n50")));

    for (Action action : harmless) {
      assertThat(guard.review(action, snapshot))
          .isEqualTo(new GuardDecision.Approved(action, List.of()));
    }
  }

  private Notify notice() {
    return new Notify(meta(Duration.ZERO), Notify.Severity.INFO, "site-a", "hello");
  }
}
