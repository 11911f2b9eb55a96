package dev.kelvin.actuators.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.WallClockScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kelvin's drains, resumes, requeues and job holds carried out by the real {@code scontrol} of
 * the Slurm 22.05 that {@code scripts/slurm.sh} starts, and read back by the real {@code sinfo}
 * and {@code squeue}; what Slurm then shows is asked of Slurm itself, as an operator would.
 */
class SlurmActuatorIT {
  private static final SiteId SITE = SiteId.of("site-it");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final TestSlurm cluster = new TestSlurm();
  private final SlurmSettings settings = new SlurmSettings(SITE, Duration.ofSeconds(5),
      Duration.ofSeconds(5), Optional.empty(), List.of(), Optional.of(Path.of(cluster.conf)),
      true);
  private final WallClockScheduler scheduler = new WallClockScheduler("slurm-actions-it");
  private final KelvinHolds holds = new KelvinHolds();
  private final SlurmActuator actuator = new SlurmActuator(settings,
      new ProcessSlurmQuery(settings), scheduler, holds);
  private final List<String> jobs = new ArrayList<>();
  private int actions;

  @AfterEach
  void cleanUp() throws Exception {
    scheduler.close();
    if (!jobs.isEmpty()) {
      List<String> cancel = new ArrayList<>(List.of("scancel"));
      cancel.addAll(jobs);
      cluster.run(cancel.toArray(String[]::new));
    }
    for (String node : List.of("n1", "n2", "n3", "n4")) {
      // a node that is neither drained nor down refuses RESUME: that is fine here
      cluster.run("scontrol", "update", "NodeName=" + node, "State=RESUME");
    }
  }

  @Test
  void drains_a_node_with_its_reason_then_clears_the_drain() throws Exception {
    ActionResult drained = execute(new DrainNode(meta("failure-risk-drain",
        "risk 0.91 within 30 min"), node("n1")));

    assertThat(drained.outcome()).as(drained.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(show("n1")).isEqualTo("drained|kelvin: failure-risk-drain: risk 0.91 within"
        + " 30 min");

    ActionResult resumed = execute(new ResumeNode(meta("failure-risk-resume", "risk 0.05"),
        node("n1")));

    assertThat(resumed.outcome()).as(resumed.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(show("n1")).matches("idle\\*?\\|none");
  }

  @Test
  void leaves_an_operators_drain_and_its_reason_as_they_are() throws Exception {
    cluster.slurm("scontrol", "update", "NodeName=n2", "State=DRAIN", "Reason=operator: fan");

    ActionResult drain = execute(new DrainNode(meta("failure-risk-drain", "risk 0.9"),
        node("n2")));
    ActionResult resume = execute(new ResumeNode(meta("failure-risk-resume", "risk 0.05"),
        node("n2")));

    assertThat(drain.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(resume.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(show("n2")).isEqualTo("drained|operator: fan");
  }

  @Test
  void leaves_a_down_node_down_when_it_clears_its_own_drain() throws Exception {
    cluster.slurm("scontrol", "update", "NodeName=n3", "State=DOWN", "Reason=bad dimm");
    ActionResult drained = execute(new DrainNode(meta("failure-risk-drain", "risk 0.99"),
        node("n3")));
    assertThat(drained.outcome()).as(drained.detail()).isEqualTo(Outcome.APPLIED);

    ActionResult resumed = execute(new ResumeNode(meta("failure-risk-resume", "risk 0.05"),
        node("n3")));

    assertThat(resumed.outcome()).as(resumed.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(show("n3")).startsWith("down");
  }

  @Test
  void requeues_a_job_off_the_node_it_drained() throws Exception {
    String job = cluster.slurm("sbatch", "--parsable", "-o", cluster.jobsDir + "/%j.out",
        "--time=2", "-w", "n4", "--wrap", "sleep 60");
    jobs.add(job);
    await().atMost(WAIT).until(() -> cluster.slurm("squeue", "-h", "-j", job, "-o", "%T")
        .equals("RUNNING"));
    execute(new DrainNode(meta("failure-risk-drain", "risk 0.95"), node("n4")));

    ActionResult requeued = execute(new MigrateJob(meta("failure-risk-migrate", "risk 0.95"),
        new JobId(job), node("n4"), MigrateJob.Mode.REQUEUE));

    assertThat(requeued.outcome()).as(requeued.detail()).isEqualTo(Outcome.APPLIED);
    await().atMost(WAIT).until(() -> cluster.slurm("squeue", "-h", "-j", job, "-o", "%T")
        .equals("PENDING"));
  }

  @Test
  void holds_a_deferrable_job_by_its_begin_time_and_releases_it() throws Exception {
    cluster.slurm("scontrol", "update", "NodeName=n1", "State=DRAIN",
        "Reason=operator: keeps the job pending");
    String job = cluster.slurm("sbatch", "--parsable", "-o", cluster.jobsDir + "/%j.out",
        "--time=2", "-w", "n1", "--comment=kelvin:deferrable", "--wrap", "sleep 30");
    jobs.add(job);
    Instant until = scheduler.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

    ActionResult held = execute(new HoldJob(meta("carbon-price-hold", "grid 450 g/kWh"),
        new JobId(job), until));

    assertThat(held.outcome()).as(held.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(reported(job).deferrable()).isTrue();
    assertThat(reported(job).heldUntil()).contains(until);
    assertThat(cluster.slurm("squeue", "-h", "-j", job, "-o", "%S")).isNotEqualTo("N/A");

    ActionResult released = execute(new ReleaseJob(meta("carbon-price-release", "grid clean"),
        new JobId(job)));

    assertThat(released.outcome()).as(released.detail()).isEqualTo(Outcome.APPLIED);
    assertThat(reported(job).heldUntil()).isEmpty();
  }

  /** Job {@code id} as the Slurm source reports it, with the holds the actuator placed. */
  private Job reported(String id) {
    ClusterState state = new ClusterState(StateSettings.defaults());
    new SlurmWorkloadSource(settings, new ProcessSlurmQuery(settings), scheduler, state, holds)
        .poll();
    return state.snapshot(scheduler.now()).jobs().values().stream()
        .filter(job -> job.id().value().equals(id)).findFirst().orElseThrow();
  }

  /** Node {@code name}'s state and reason as {@code sinfo} prints them: {@code state|reason}. */
  private String show(String name) throws Exception {
    return cluster.slurm("sinfo", "-h", "-n", name, "-N", "-o", "%T|%E");
  }

  private ActionResult execute(Action action) throws Exception {
    return actuator.execute(action).toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static NodeId node(String name) {
    return new NodeId(SITE, name);
  }

  private ActionMeta meta(String rule, String reason) {
    actions++;
    return new ActionMeta(new ActionId("a-it-" + actions), rule, reason, List.of(),
        Instant.parse("2026-11-01T12:00:00Z"), Duration.ZERO);
  }
}
