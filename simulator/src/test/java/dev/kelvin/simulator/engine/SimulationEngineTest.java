package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.EngineFixtures.job;
import static dev.kelvin.simulator.engine.EngineFixtures.scenario;
import static dev.kelvin.simulator.engine.EngineFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.simulator.failure.PlannedFailure;
import dev.kelvin.simulator.failure.PrecursorSettings;
import dev.kelvin.simulator.failure.Precursors;
import dev.kelvin.simulator.report.JobOutcome;
import dev.kelvin.simulator.report.Mark;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.trace.TraceJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulationEngineTest {
  private static final double J_PER_KWH = 3.6e6;

  private static SimulationResult run(SimulationSetup setup) {
    return new SimulationEngine(setup).run(Progress.NONE);
  }

  @Test
  void an_uncapped_job_runs_its_trace_time_at_full_power() {
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 10, 1, 3600)), 0, Optional.empty()));

    JobOutcome outcome = result.jobs().get(0);
    assertThat(outcome.startS()).isEqualTo(10);
    assertThat(outcome.endS()).isCloseTo(3610, within(1e-6));
    // 10 s idle at 100 W, then 3600 s busy at 200 W
    assertThat(result.summary().itEnergyKwh()).isCloseTo((10 * 100 + 3600 * 200) / J_PER_KWH,
        within(1e-9));
    assertThat(result.summary().makespanS()).isCloseTo(3610, within(1e-6));
  }

  @Test
  void a_job_on_a_capped_node_stretches_its_compute_share_and_draws_the_capped_power() {
    // capped at 1500 of 3000 MHz from the first tick (5 s), before the job starts at 10 s
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 10, 1, 3600)), 0,
        Optional.of(EngineFixtures.capOnce("n0001", 1500, 0))));

    // rate = 1 / (0.8 / 0.5 + 0.2) = 1 / 1.8: 3600 s of work take 6480 s
    JobOutcome outcome = result.jobs().get(0);
    assertThat(outcome.runS()).isCloseTo(6480, within(1e-6));
    assertThat(outcome.runtimeStretchPct()).isCloseTo(80, within(1e-9));
    // busy at half clock: 100 + 100 * 0.5^2 = 125 W
    double expectedJ = 10 * 100 + 6480 * 125;
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
    assertThat(result.summary().actions()).containsEntry("set_cpu_freq_cap", 1L);
  }

  @Test
  void a_cap_in_the_middle_of_a_job_stretches_only_the_work_left() {
    // full speed from 0 to 1800 s (half the work), then at half clock from the tick at 1800 s
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 0, 1, 3600)), 0,
        Optional.of(EngineFixtures.capOnce("n0001", 1500, 1800))));

    JobOutcome outcome = result.jobs().get(0);
    assertThat(outcome.endS()).isCloseTo(1800 + 1800 * 1.8, within(1e-6));
    double expectedJ = 1800 * 200 + 3240 * 125;
    assertThat(result.summary().itEnergyKwh()).isCloseTo(expectedJ / J_PER_KWH, within(1e-9));
  }

  @Test
  void pue_of_an_idle_hour_follows_the_cooling_plant_at_the_outdoor_temperature() {
    // 10 idle nodes for one hour at 30 °C outside: COP 4 - 0.1 * 10 = 3
    SimulationResult result = run(setup(scenario(10, 30, Optional.empty()), List.of(), 3600,
        Optional.empty()));

    assertThat(result.summary().itEnergyKwh()).isCloseTo(1.0, within(1e-12));
    assertThat(result.summary().coolingEnergyKwh()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(result.summary().pue()).isCloseTo(1 + 1.0 / 3 + 0.08, within(1e-12));
    assertThat(result.summary().makespanS()).isEqualTo(3600);
  }

  @Test
  void a_job_larger_than_every_site_is_counted_and_never_queued() {
    SimulationResult result = run(setup(scenario(2, 20, Optional.empty()),
        List.of(job(1, 0, 3, 100), job(2, 5, 2, 100)), 0, Optional.empty()));

    assertThat(result.summary().jobsNeverFit()).isEqualTo(1);
    assertThat(result.summary().jobsCompleted()).isEqualTo(1);
    assertThat(result.jobs()).extracting(JobOutcome::id).containsExactly(2L);
  }

  @Test
  void jobs_wait_for_nodes_in_submit_order() {
    SimulationResult result = run(setup(scenario(2, 20, Optional.empty()),
        List.of(job(1, 0, 2, 100), job(2, 10, 1, 50), job(3, 20, 1, 50)), 0, Optional.empty()));

    assertThat(result.jobs()).extracting(JobOutcome::startS).containsExactly(0.0, 100.0, 100.0);
    assertThat(result.summary().meanWaitS()).isCloseTo((0 + 90 + 80) / 3.0, within(1e-9));
    assertThat(result.summary().utilisation()).isCloseTo((200 + 50 + 50) / (2 * 150.0),
        within(1e-9));
  }

  @Test
  void the_same_setup_gives_the_same_result() {
    List<dev.kelvin.simulator.trace.TraceJob> jobs = List.of(job(1, 0, 1, 700),
        job(2, 30, 2, 400), job(3, 31, 1, 90), job(4, 500, 3, 1000));
    SimulationSetup setup = setup(scenario(3, 25, Optional.of(Duration.ofSeconds(60))), jobs,
        0, Optional.of(EngineFixtures.capOnce("n0002", 2000, 100)));

    SimulationResult first = run(setup);
    SimulationResult second = run(setup);

    assertThat(second.summary()).isEqualTo(first.summary());
    assertThat(second.jobs()).isEqualTo(first.jobs());
    assertThat(second.sites().get(0).powerW().values())
        .containsExactly(first.sites().get(0).powerW().values());
    assertThat(second.hottestCpuC().values()).containsExactly(first.hottestCpuC().values());
  }

  @Test
  void a_requeued_job_keeps_the_work_up_to_its_last_checkpoint_and_starts_again() {
    // 5400 s of work done at the requeue: the hourly checkpoint keeps 3600, 1800 are lost
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 0, 1, 7200)), 0, Optional.of(EngineFixtures.actOnce(5400,
            meta -> new MigrateJob(meta, new JobId("j1"), NodeId.of("a", "n0001"),
                MigrateJob.Mode.REQUEUE)))));

    JobOutcome outcome = result.jobs().get(0);
    assertThat(outcome.startS()).isEqualTo(5400);
    assertThat(outcome.endS()).isCloseTo(5400 + 3600, within(1e-6));
    assertThat(result.summary().jobsFailed()).isEqualTo(1);
    assertThat(result.summary().nodeHoursLost()).isCloseTo(0.5, within(1e-9));
    assertThat(result.summary().actions()).containsEntry("migrate_job", 1L);
  }

  @Test
  void a_held_job_starts_only_when_its_hold_ends_and_is_reported_held_until_then() {
    // j1 holds the only node until 100 s; j2, queued behind it, is held at 20 s until 1000 s
    List<ClusterSnapshot> seen = new java.util.ArrayList<>();
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 0, 1, 100), job(2, 5, 1, 50)), 0, Optional.of(
            EngineFixtures.watchAndAct(seen, 20, meta -> new HoldJob(meta, new JobId("j2"),
                EngineFixtures.START.plusSeconds(1000))))));

    JobOutcome held = result.jobs().stream().filter(job -> job.id() == 2).findFirst()
        .orElseThrow();
    assertThat(held.startS()).isCloseTo(1000, within(1e-6));
    assertThat(held.endS()).isCloseTo(1050, within(1e-6));
    assertThat(result.summary().actions()).containsEntry("hold_job", 1L);
    Job reported = seen.stream().filter(s -> s.at().isAfter(EngineFixtures.START
        .plusSeconds(200)) && s.at().isBefore(EngineFixtures.START.plusSeconds(900)))
        .findFirst().orElseThrow().jobs().get(new JobId("j2"));
    assertThat(reported.state()).isEqualTo(Job.State.PENDING);
    assertThat(reported.heldUntil()).contains(EngineFixtures.START.plusSeconds(1000));
  }

  @Test
  void reports_the_jobs_of_the_deferrable_share_as_deferrable_running_or_waiting() {
    List<ClusterSnapshot> none = new java.util.ArrayList<>();
    List<ClusterSnapshot> all = new java.util.ArrayList<>();
    List<TraceJob> jobs = List.of(job(1, 0, 1, 100), job(2, 5, 1, 50));
    run(setup(scenario(1, 20, Optional.empty()), jobs, 0,
        Optional.of(EngineFixtures.watch(none))));
    run(setup(EngineFixtures.deferrable(scenario(1, 20, Optional.empty()), 1), jobs, 0,
        Optional.of(EngineFixtures.watch(all))));

    Job waiting = jobAt(all, 50, "j2");
    assertThat(waiting.state()).isEqualTo(Job.State.PENDING);
    assertThat(waiting.deferrable()).isTrue();
    assertThat(jobAt(all, 50, "j1").deferrable()).isTrue();
    assertThat(jobAt(none, 50, "j2").deferrable()).isFalse();
    assertThat(jobAt(none, 50, "j1").deferrable()).isFalse();
  }

  private static Job jobAt(List<ClusterSnapshot> seen, long atS, String id) {
    return seen.stream().filter(s -> !s.at().isBefore(EngineFixtures.START.plusSeconds(atS)))
        .findFirst().orElseThrow().jobs().get(new JobId(id));
  }

  @Test
  void a_hold_of_a_job_that_already_runs_is_rejected_and_changes_nothing() {
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 0, 1, 100)), 0, Optional.of(EngineFixtures.actOnce(20,
            meta -> new HoldJob(meta, new JobId("j1"), EngineFixtures.START.plusSeconds(1000))))));

    assertThat(result.jobs().get(0).endS()).isCloseTo(100, within(1e-6));
    assertThat(result.summary().actions()).doesNotContainKey("hold_job");
  }

  @Test
  void a_job_moved_by_checkpoint_and_restart_loses_no_work() {
    SimulationResult result = run(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 0, 1, 7200)), 0, Optional.of(EngineFixtures.actOnce(5400,
            meta -> new MigrateJob(meta, new JobId("j1"), NodeId.of("a", "n0001"),
                MigrateJob.Mode.CHECKPOINT_RESTART)))));

    assertThat(result.jobs().get(0).endS()).isCloseTo(7200, within(1e-6));
    assertThat(result.summary().nodeHoursLost()).isZero();
  }

  @Test
  void a_node_failure_requeues_its_job_which_waits_for_the_repair_and_loses_work_since_its_checkpoint() {
    SimulationSetup plain = setup(scenario(1, 20, Optional.empty()), List.of(job(1, 0, 1, 7200)),
        0, Optional.empty());
    SimulationSetup failing = withFailures(plain,
        new FailureInputs(List.of(new PlannedFailure(0, 5400, 600)), Optional.empty()));

    SimulationResult result = run(failing);

    // 5400 s done, 3600 kept by the hourly checkpoint; down 600 s at 5 W; 3600 s left to run
    assertThat(result.jobs().get(0).startS()).isCloseTo(6000, within(1e-6));
    assertThat(result.jobs().get(0).endS()).isCloseTo(9600, within(1e-6));
    assertThat(result.summary().itEnergyKwh()).isCloseTo(
        (5400 * 200 + 600 * 5 + 3600 * 200) / J_PER_KWH, within(1e-9));
    assertThat(result.summary().nodeHoursLost()).isCloseTo(0.5, within(1e-9));
    assertThat(result.marks()).extracting(Mark::kind).containsExactly("failure");
  }

  @Test
  void a_failure_planned_while_the_node_is_already_down_does_not_happen() {
    SimulationSetup failing = withFailures(setup(scenario(1, 20, Optional.empty()),
        List.of(job(1, 0, 1, 100)), 0, Optional.empty()), new FailureInputs(List.of(
            new PlannedFailure(0, 10, 1000), new PlannedFailure(0, 20, 1000)), Optional.empty()));

    SimulationResult result = run(failing);

    assertThat(result.summary().jobsFailed()).isEqualTo(1);
    assertThat(result.jobs().get(0).endS()).isCloseTo(1010 + 100, within(1e-6));
  }

  @Test
  void keeps_the_failures_that_happened_with_whether_they_hit_a_job_and_gave_warning() {
    SimulationSetup setup = setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 100)),
        300, Optional.empty());
    List<PlannedFailure> plan = List.of(new PlannedFailure(0, 10, 1000),
        new PlannedFailure(0, 20, 1000), new PlannedFailure(1, 200, 60));
    PrecursorSettings everyOne = new PrecursorSettings(Duration.ofMinutes(30), 1, 0.5, 400, 3);
    SimulationEngine engine = new SimulationEngine(withFailures(setup, new FailureInputs(plan,
        Optional.of(new Precursors(plan, 2, 7, everyOne)))));

    engine.run(Progress.NONE);

    // node 0 fails at 10 s under its job and is down at 20 s; the job runs again on node 1
    // from 10 s to 110 s, so node 1 fails idle at 200 s
    assertThat(engine.failuresThatHappened()).containsExactly(
        new HappenedFailure(NodeId.of("a", "n0001"), EngineFixtures.START.plusSeconds(10),
            EngineFixtures.START.plusSeconds(1010), true, true),
        new HappenedFailure(NodeId.of("a", "n0002"), EngineFixtures.START.plusSeconds(200),
            EngineFixtures.START.plusSeconds(260), true, false));
  }

  private static SimulationSetup withFailures(SimulationSetup setup, FailureInputs failures) {
    return new SimulationSetup(setup.scenario(), setup.jobs(), setup.start(), setup.horizonS(),
        setup.nodePower(), setup.clock(), setup.thermal(), setup.cpuTempLimitC(), setup.batch(),
        setup.control(), failures);
  }
}
