package dev.kelvin.actuators.slurm;

import static dev.kelvin.actuators.slurm.Recorded.oneJob;
import static dev.kelvin.actuators.slurm.Recorded.oneNode;
import static dev.kelvin.actuators.slurm.Recorded.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SlurmActuatorTest {
  private static final SiteId SITE = SiteId.of("site-a");
  private static final NodeId N1 = NodeId.of("site-a", "n1");
  private static final NodeId N2 = NodeId.of("site-a", "n2");
  private static final NodeId N4 = NodeId.of("site-a", "n4");
  private static final String KELVIN_DRAINED_N1 = oneNode("\"name\":\"n1\",\"state\":\"idle\","
      + "\"state_flags\":[\"DRAIN\"],\"reason\":\"kelvin: failure-risk-drain: risk 0.91\"");

  private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
  private static final Instant IN_AN_HOUR = NOW.plus(Duration.ofHours(1));

  private final VirtualScheduler scheduler = new VirtualScheduler(NOW);
  private final FakeSlurm slurm = new FakeSlurm();
  private final SlurmActuator actuator = new SlurmActuator(SlurmSettings.defaults(SITE)
      .withActions(true), slurm, scheduler);

  @Test
  void drains_an_idle_node_with_kelvins_reason_and_reads_the_drain_back() {
    slurm.answer("sinfo", read("sinfo-idle.json"), KELVIN_DRAINED_N1);

    ActionResult result = run(new DrainNode(meta("failure-risk-drain", "risk 0.91"), N1));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(result.detail()).contains("kelvin: failure-risk-drain: risk 0.91");
    assertThat(slurm.commands("scontrol")).containsExactly(List.of("update", "NodeName=n1",
        "State=DRAIN", "Reason=kelvin: failure-risk-drain: risk 0.91"));
  }

  @Test
  void fails_a_drain_that_sinfo_does_not_show_after_scontrol_took_it() {
    slurm.answer("sinfo", read("sinfo-idle.json"));

    ActionResult result = run(new DrainNode(meta("failure-risk-drain", "risk 0.91"), N1));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("sinfo shows the node idle, not drained");
  }

  @Test
  void leaves_a_node_drained_by_an_operator_as_it_is() {
    slurm.answer("sinfo", read("sinfo-drained-and-down.json"));

    ActionResult result = run(new DrainNode(meta("failure-risk-drain", "risk 0.9"), N2));

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.detail()).contains("operator maintenance");
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void applies_a_drain_of_a_node_kelvin_drained_already_without_a_command() {
    slurm.answer("sinfo", read("sinfo-drained-and-down.json"));

    ActionResult result = run(new DrainNode(meta("failure-risk-drain", "risk 0.9"), N1));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void resumes_a_node_kelvin_drained_by_clearing_the_drain_only() {
    slurm.answer("sinfo", read("sinfo-drained-and-down.json"), read("sinfo-idle.json"));

    ActionResult result = run(new ResumeNode(meta("failure-risk-resume", "risk 0.1"), N1));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(slurm.commands("scontrol")).containsExactly(List.of("update", "NodeName=n1",
        "State=UNDRAIN"));
  }

  @Test
  void never_resumes_a_node_an_operator_drained() {
    slurm.answer("sinfo", read("sinfo-drained-and-down.json"));

    ActionResult result = run(new ResumeNode(meta("failure-risk-resume", "risk 0.1"), N2));

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.detail()).contains("Kelvin resumes only the nodes it drained");
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void resumes_a_node_that_is_not_drained_without_a_command() {
    slurm.answer("sinfo", read("sinfo-idle.json"));

    assertThat(run(new ResumeNode(meta("failure-risk-resume", "risk 0.1"), N1)).outcome())
        .isEqualTo(Outcome.APPLIED);
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void rejects_nodes_of_another_site_and_nodes_slurm_does_not_know_before_any_command() {
    slurm.answer("sinfo", read("sinfo-idle.json"));

    ActionResult otherSite = run(new DrainNode(meta("failure-risk-drain", "risk 0.9"),
        NodeId.of("site-b", "n1")));
    ActionResult unknown = run(new DrainNode(meta("failure-risk-drain", "risk 0.9"),
        NodeId.of("site-a", "n99")));

    assertThat(otherSite.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(otherSite.detail()).contains("site-b", "workload.slurm.site");
    assertThat(unknown.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(unknown.detail()).contains("does not know node n99");
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void requeues_a_job_and_applies_once_it_no_longer_runs_on_the_node() {
    slurm.answer("squeue", read("squeue-multinode-suspended-finished.json"));

    ActionResult result = run(requeue("1", N4));

    assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(slurm.commands("scontrol")).containsExactly(List.of("requeue", "1"));
  }

  @Test
  void fails_a_requeue_while_the_job_still_runs_on_the_node() {
    slurm.answer("squeue", read("squeue-running-and-pending.json"));

    ActionResult result = run(requeue("1", N4));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("still running on n4");
  }

  @Test
  void rejects_a_job_id_that_is_not_a_slurm_job_number() {
    ActionResult result = run(requeue("1;reboot", N4));

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void turns_a_failing_command_into_a_failed_result_with_slurms_words() {
    slurm.answer("sinfo", read("sinfo-idle.json"));
    slurm.failing("scontrol", "scontrol update exited with 1: slurm_update error: Access/"
        + "permission denied");

    ActionResult result = run(new DrainNode(meta("failure-risk-drain", "risk 0.9"), N1));

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.detail()).contains("Access/permission denied");
    assertThat(actuator.outcomes()).containsEntry(Outcome.FAILED, 1L)
        .containsEntry(Outcome.APPLIED, 0L);
  }

  @Test
  void carries_out_each_action_on_the_scheduler_not_on_the_callers_thread() {
    slurm.answer("sinfo", read("sinfo-drained-and-down.json"));

    CompletableFuture<ActionResult> result = actuator.execute(new DrainNode(
        meta("failure-risk-drain", "risk 0.9"), N1)).toCompletableFuture();

    assertThat(result).isNotDone();
    assertThat(slurm.calls).isEmpty();
    scheduler.runDue();
    assertThat(result).isCompletedWithValueMatching(r -> r.outcome() == Outcome.APPLIED);
  }

  @Test
  void answers_a_checkpoint_restart_unsupported_without_a_command() {
    ActionResult result = run(new MigrateJob(meta("failure-risk-migrate", "risk 0.95"),
        new JobId("1"), N4, MigrateJob.Mode.CHECKPOINT_RESTART));

    assertThat(result.outcome()).isEqualTo(Outcome.UNSUPPORTED);
    assertThat(result.detail()).contains("no checkpoint");
    assertThat(slurm.calls).isEmpty();
  }

  @Test
  void handles_drains_resumes_and_migrations_and_routes_everything_else_on() {
    Action drain = new DrainNode(meta("r", "why"), N1);
    Action cap = new SetCpuFrequencyCap(meta("r", "why").withLease(Duration.ofMinutes(5)), N1,
        1_800);
    List<Action> routedOn = new ArrayList<>();
    ActionExecutor routed = actuator.before(action -> {
      routedOn.add(action);
      return CompletableFuture.completedFuture(null);
    });

    routed.execute(cap);
    routed.execute(drain);

    assertThat(actuator.handles(drain)).isTrue();
    assertThat(actuator.handles(new ResumeNode(meta("r", "why"), N1))).isTrue();
    assertThat(actuator.handles(requeue("1", N4))).isTrue();
    assertThat(actuator.handles(cap)).isFalse();
    assertThat(routedOn).containsExactly(cap);
  }

  @Test
  void holds_a_pending_job_by_its_begin_time_and_releases_only_its_own_hold() {
    slurm.answer("squeue", pendingJob(0), pendingJob(IN_AN_HOUR.getEpochSecond()),
        pendingJob(NOW.getEpochSecond()));

    ActionResult held = run(new HoldJob(meta("carbon-price-hold", "grid 450 g/kWh"),
        new JobId("21"), IN_AN_HOUR));
    ActionResult released = run(new ReleaseJob(meta("carbon-price-release", "grid clean"),
        new JobId("21")));

    assertThat(held.outcome()).as(held.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(released.outcome()).as(released.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(slurm.commands("scontrol")).containsExactly(
        List.of("update", "JobId=21", "StartTime=now+3600"),
        List.of("update", "JobId=21", "StartTime=now"));
  }

  @Test
  void never_releases_a_begin_time_that_kelvin_did_not_set() {
    slurm.answer("squeue", pendingJob(IN_AN_HOUR.getEpochSecond()));

    ActionResult released = run(new ReleaseJob(meta("carbon-price-release", "grid clean"),
        new JobId("21")));

    assertThat(released.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  @Test
  void fails_a_hold_that_squeue_does_not_show_and_rejects_one_of_a_running_job() {
    slurm.answer("squeue", pendingJob(0));

    ActionResult unseen = run(new HoldJob(meta("carbon-price-hold", "grid 450 g/kWh"),
        new JobId("21"), IN_AN_HOUR));
    ActionResult running = run(new HoldJob(meta("carbon-price-hold", "grid 450 g/kWh"),
        new JobId("99"), IN_AN_HOUR));

    assertThat(unseen.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(running.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(slurm.commands("scontrol")).hasSize(1);
  }

  @Test
  void never_holds_a_job_its_user_did_not_mark_deferrable() {
    slurm.answer("squeue", pendingJob(0).replace("kelvin:deferrable", "nightly"));

    ActionResult held = run(new HoldJob(meta("carbon-price-hold", "grid 450 g/kWh"),
        new JobId("21"), IN_AN_HOUR));

    assertThat(held.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(held.detail()).contains("not marked deferrable");
    assertThat(slurm.commands("scontrol")).isEmpty();
  }

  /** A squeue answer with pending deferrable job 21 begun at {@code eligibleTime} (0: none). */
  private static String pendingJob(long eligibleTime) {
    return oneJob("\"job_id\":21,\"job_state\":\"PENDING\",\"nodes\":\"\","
        + "\"node_count\":1,\"submit_time\":1793534000,\"time_limit\":5,\"comment\":"
        + "\"kelvin:deferrable\",\"eligible_time\":" + eligibleTime);
  }

  private ActionResult run(Action action) {
    CompletableFuture<ActionResult> result = actuator.execute(action).toCompletableFuture();
    scheduler.runDue();
    return result.join();
  }

  private static MigrateJob requeue(String job, NodeId from) {
    return new MigrateJob(meta("failure-risk-migrate", "risk 0.95"), new JobId(job), from,
        MigrateJob.Mode.REQUEUE);
  }

  private static ActionMeta meta(String rule, String reason) {
    return new ActionMeta(new ActionId("a-" + rule), rule, reason, List.of(),
        NOW, Duration.ZERO);
  }

  /** Answers each command with its answers in turn (the last one again), or fails it. */
  private static final class FakeSlurm implements SlurmQuery {
    final List<List<String>> calls = new ArrayList<>();
    private final Map<String, Deque<String>> answers = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    void answer(String command, String... outputs) {
      answers.put(command, new ArrayDeque<>(List.of(outputs)));
    }

    void failing(String command, String message) {
      failures.put(command, message);
    }

    List<List<String>> commands(String command) {
      return calls.stream().filter(call -> call.get(0).equals(command))
          .map(call -> call.subList(1, call.size())).toList();
    }

    @Override
    public String run(String command, List<String> arguments) {
      List<String> call = new ArrayList<>(List.of(command));
      call.addAll(arguments);
      calls.add(call);
      if (failures.containsKey(command)) {
        throw new SlurmQueryException(failures.get(command));
      }
      Deque<String> queue = answers.getOrDefault(command, new ArrayDeque<>(List.of("")));
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }
}
