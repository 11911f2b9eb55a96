package dev.kelvin.actuators.slurm;

import dev.kelvin.actuators.RoutedExecutor;
import dev.kelvin.actuators.slurm.SlurmNodes.SlurmNode;
import dev.kelvin.core.action.Action;
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
import dev.kelvin.core.time.Scheduler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out Kelvin's workload actions in Slurm with {@code scontrol}, on the scheduler (a slow
 * command delays no tick), and reads each back with {@code sinfo --json} or
 * {@code squeue --json} before it says applied:
 * <ul>
 *   <li>{@link DrainNode}: {@code State=DRAIN} with a reason that starts with
 *       {@link SlurmSettings#KELVIN_DRAIN_MARKER} and names the rule and its reason. A node
 *       drained by anyone else is left as it is (rejected): Kelvin never replaces an operator's
 *       reason. A node Kelvin drained already is applied without a command.</li>
 *   <li>{@link ResumeNode}: {@code State=UNDRAIN}, only of a node Kelvin drained. It clears the
 *       drain and nothing else, so a node that is down stays down. A node an operator or Slurm
 *       drained is rejected; a node not drained is applied without a command.</li>
 *   <li>{@link MigrateJob} by requeueing: {@code scontrol requeue}, applied once the job no
 *       longer runs on the node. A checkpoint-restart is answered unsupported: Slurm has no
 *       checkpoint of its own, and a requeue would lose the job's work.</li>
 *   <li>{@link HoldJob}: {@code scontrol update JobId=N StartTime=now+S}, the job's begin time
 *       at the hold's end, applied once {@code squeue} shows it: Slurm itself starts the job
 *       then, so a hold ends with or without Kelvin. Only a pending job its user marked
 *       deferrable is held.</li>
 *   <li>{@link ReleaseJob}: {@code StartTime=now}, only of a job Kelvin held
 *       ({@link KelvinHolds}); a begin time the job's user asked for is left alone.</li>
 * </ul>
 * Nodes of another site than {@link SlurmSettings#site()} are rejected. A command that fails or
 * times out gives a failed result with Slurm's own words. Thread-safe.
 */
public final class SlurmActuator implements RoutedExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(SlurmActuator.class);
  private static final List<String> JSON = List.of("--json");

  private final SlurmSettings settings;
  private final SlurmQuery slurm;
  private final Scheduler scheduler;
  private final KelvinHolds holds;
  private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
  private volatile Optional<ActionResult> last = Optional.empty();

  public SlurmActuator(SlurmSettings settings, SlurmQuery slurm, Scheduler scheduler) {
    this(settings, slurm, scheduler, new KelvinHolds());
  }

  /** An actuator that records the holds it places in {@code holds} (see SlurmWorkloadSource). */
  public SlurmActuator(SlurmSettings settings, SlurmQuery slurm, Scheduler scheduler,
      KelvinHolds holds) {
    this.holds = Objects.requireNonNull(holds, "holds");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.slurm = Objects.requireNonNull(slurm, "slurm");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(outcome, new LongAdder());
    }
  }

  @Override
  public boolean handles(Action action) {
    return action instanceof DrainNode || action instanceof ResumeNode
        || action instanceof MigrateJob || action instanceof HoldJob
        || action instanceof ReleaseJob;
  }

  @Override
  public CompletionStage<ActionResult> execute(Action action) {
    Objects.requireNonNull(action, "action");
    if (!handles(action)) {
      throw new IllegalArgumentException("not a Slurm action: " + action.describe());
    }
    CompletableFuture<ActionResult> result = new CompletableFuture<>();
    try {
      scheduler.execute("slurm " + action.type(), () -> result.complete(carryOut(action)));
    } catch (RuntimeException stopped) {
      result.complete(result(action, Outcome.FAILED, "not carried out: the Slurm actions'"
          + " scheduler does not take work (stopping?): " + stopped.getMessage()));
    }
    return result.minimalCompletionStage();
  }

  /** The result of the action carried out last; empty before the first. */
  public Optional<ActionResult> lastResult() {
    return last;
  }

  /** Results so far by outcome. */
  public Map<Outcome, Long> outcomes() {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
    return counts;
  }

  private ActionResult carryOut(Action action) {
    ActionResult result;
    try {
      result = SlurmCommands.check(action, settings.site())
          .map(refusal -> result(action, Outcome.REJECTED, refusal))
          .orElseGet(() -> dispatch(action));
    } catch (SlurmQueryException e) {
      result = result(action, Outcome.FAILED, e.getMessage());
    } catch (RuntimeException bug) {
      LOG.error("Carrying out {} in Slurm failed (a Kelvin bug, please report it)",
          action.describe(), bug);
      result = result(action, Outcome.FAILED, "internal error: " + bug);
    }
    outcomes.get(result.outcome()).increment();
    last = Optional.of(result);
    return result;
  }

  private ActionResult dispatch(Action action) {
    if (action instanceof DrainNode drain) {
      return drain(drain);
    }
    if (action instanceof ResumeNode resume) {
      return resume(resume);
    }
    if (action instanceof HoldJob hold) {
      return hold(hold);
    }
    if (action instanceof ReleaseJob release) {
      return release(release);
    }
    MigrateJob migrate = (MigrateJob) action;
    if (migrate.mode() == MigrateJob.Mode.CHECKPOINT_RESTART) {
      return result(action, Outcome.UNSUPPORTED, "Slurm has no checkpoint of its own, so job "
          + migrate.job().value() + " was not checkpointed and restarted; a requeue (mode"
          + " REQUEUE) would restart it from its beginning");
    }
    return requeue(migrate);
  }

  private ActionResult drain(DrainNode action) {
    Optional<SlurmNode> known = node(action.node());
    if (known.isEmpty()) {
      return unknown(action, action.node());
    }
    SlurmNode before = known.get();
    if (before.drained()) {
      return before.drainedByKelvin()
          ? result(action, Outcome.APPLIED, "already drained by Kelvin (" + before.reason()
              + "); nothing changed")
          : result(action, Outcome.REJECTED, "already drained by someone else (reason '"
              + before.reason() + "'): left as it is");
    }
    slurm.run("scontrol", SlurmCommands.drain(action));
    SlurmNode after = readBack(action.node());
    return after.drainedByKelvin()
        ? result(action, Outcome.APPLIED, "drained in Slurm (reason '" + after.reason() + "')")
        : result(action, Outcome.FAILED, "scontrol took the drain but sinfo shows the node "
            + describe(after));
  }

  private ActionResult resume(ResumeNode action) {
    Optional<SlurmNode> known = node(action.node());
    if (known.isEmpty()) {
      return unknown(action, action.node());
    }
    SlurmNode before = known.get();
    if (!before.drained()) {
      return result(action, Outcome.APPLIED, "not drained in Slurm; nothing changed");
    }
    if (!before.drainedByKelvin()) {
      return result(action, Outcome.REJECTED, "drained by an operator or by Slurm (reason '"
          + before.reason() + "'): Kelvin resumes only the nodes it drained");
    }
    slurm.run("scontrol", SlurmCommands.undrain(action.node()));
    SlurmNode after = readBack(action.node());
    return !after.drained()
        ? result(action, Outcome.APPLIED, "drain cleared in Slurm; the node is "
            + after.state().name().toLowerCase(Locale.ROOT))
        : result(action, Outcome.FAILED, "scontrol took the resume but sinfo shows the node "
            + describe(after));
  }

  private ActionResult requeue(MigrateJob action) {
    slurm.run("scontrol", SlurmCommands.requeue(action.job()));
    boolean stillThere = SlurmJobs.parse(slurm.run("squeue", JSON), settings.site()).records()
        .stream().anyMatch(job -> job.id().equals(action.job())
            && job.nodes().contains(action.from()));
    return stillThere
        ? result(action, Outcome.FAILED, "scontrol took the requeue but squeue shows the job"
            + " still running on " + action.from().name())
        : result(action, Outcome.APPLIED, "requeued in Slurm: the job waits in the queue and"
            + " starts again from its beginning unless it checkpoints itself");
  }

  private ActionResult hold(HoldJob action) {
    Optional<Job> job = pending(action.job());
    if (job.isEmpty()) {
      return result(action, Outcome.REJECTED, "Slurm lists no pending job " + action.job().value()
          + " (started, ended or unknown), so no command was run");
    }
    if (!job.get().deferrable()) {
      return result(action, Outcome.REJECTED, "job " + action.job().value() + " is not marked"
          + " deferrable by its user (comment " + SlurmSettings.DEFERRABLE_MARKER + "), so it is"
          + " not held");
    }
    long seconds = Duration.between(scheduler.now(), action.until()).toSeconds();
    if (seconds < 1) {
      return result(action, Outcome.REJECTED, "the hold would end at " + action.until()
          + ", not after now: nothing to hold");
    }
    slurm.run("scontrol", SlurmCommands.hold(action.job(), seconds));
    holds.placed(action.job(), action.until());
    if (pending(action.job()).flatMap(Job::heldUntil).isPresent()) {
      return result(action, Outcome.APPLIED, "held in Slurm until " + action.until() + " (its"
          + " begin time: Slurm starts it then on its own, with or without Kelvin)");
    }
    holds.released(action.job());
    return result(action, Outcome.FAILED, "scontrol took the hold but squeue does not show"
        + " the job pending with that begin time");
  }

  private ActionResult release(ReleaseJob action) {
    if (!holds.placedOn(action.job())) {
      return result(action, Outcome.REJECTED, "Kelvin placed no hold on job "
          + action.job().value() + " (a begin time its user or an operator set stays)");
    }
    slurm.run("scontrol", SlurmCommands.release(action.job()));
    Optional<Job> job = pending(action.job());
    if (job.isPresent() && job.get().heldUntil().isPresent()) {
      return result(action, Outcome.FAILED, "scontrol took the release but squeue still shows"
          + " the job held until " + job.get().heldUntil().get());
    }
    holds.released(action.job());
    return result(action, Outcome.APPLIED, "released in Slurm: the job may start now");
  }

  private Optional<Job> pending(JobId job) {
    return SlurmJobs.parse(slurm.run("squeue", JSON), settings.site(), holds).records().stream()
        .filter(polled -> polled.id().equals(job) && polled.state() == Job.State.PENDING)
        .findFirst();
  }

  private Optional<SlurmNode> node(NodeId node) {
    return SlurmNodes.parse(slurm.run("sinfo", JSON), settings.site()).records().stream()
        .filter(polled -> polled.node().equals(node)).findFirst();
  }

  private SlurmNode readBack(NodeId node) {
    return node(node).orElseThrow(() -> new SlurmQueryException("node " + node.name()
        + " is gone from sinfo --json after scontrol changed it"));
  }

  private ActionResult unknown(Action action, NodeId node) {
    return result(action, Outcome.REJECTED, "Slurm does not know node " + node.name()
        + " (sinfo --json lists no node of that name), so no command was run");
  }

  private static String describe(SlurmNode node) {
    return node.state().name().toLowerCase(Locale.ROOT)
        + (node.drained() ? ", drained (reason '" + node.reason() + "')" : ", not drained");
  }

  private ActionResult result(Action action, Outcome outcome, String detail) {
    return ActionResult.of(action.id(), outcome, scheduler.now(), detail);
  }
}
