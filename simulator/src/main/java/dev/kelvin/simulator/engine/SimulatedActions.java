package dev.kelvin.simulator.engine;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.FailoverSite;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.MigrateJob;
import dev.kelvin.core.action.NodeAction;
import dev.kelvin.core.action.Notify;
import dev.kelvin.core.action.ReleaseJob;
import dev.kelvin.core.action.ResumeNode;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SetGpuPowerLimit;
import dev.kelvin.core.action.SetNodePowerCap;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.action.WakeNode;
import dev.kelvin.core.port.ActionExecutor;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The action executor of simulation mode: actions are applied to the model at once and
 * answered as a node agent answers (applied with the value read back, or refused with why).
 * Setpoints hold for their lease and revert when it runs out unrenewed, as on a real node;
 * executing the same action id again renews. A migration stops the job and queues it again; a
 * failover moves a site's jobs to another; a hold keeps a queued job from starting until its
 * end or a release. A node that is down, dark or cut off does not
 * answer ({@code TIMED_OUT}). A GPU power limit on a GPU the node does not have is refused.
 * Kinds the model does not carry are answered {@code UNSUPPORTED}, never pretended.
 */
final class SimulatedActions implements ActionExecutor {
  private final Datacenter dc;
  private final JobBook jobs;
  private final SimTime time;
  private final NodeIndex index;
  private final Setpoints setpoints;
  private final Set<ActionId> counted = new HashSet<>();
  private final SortedMap<String, Long> applied = new TreeMap<>();
  private final Timeline timeline;
  private final SiteConditions conditions;

  SimulatedActions(Datacenter dc, JobBook jobs, SimTime time, NodeIndex index,
      Setpoints setpoints, Timeline timeline, SiteConditions conditions) {
    this.timeline = timeline;
    this.conditions = conditions;
    this.dc = dc;
    this.jobs = jobs;
    this.time = time;
    this.index = index;
    this.setpoints = setpoints;
  }

  @Override
  public CompletionStage<ActionResult> execute(Action action) {
    ActionResult result = apply(action);
    if (result.applied() && counted.add(action.id())) {
      applied.merge(action.type().wireName(), 1L, Long::sum);
      timeline.add(time.nowS(), "action", action.target() + " " + action.describe());
    }
    return CompletableFuture.completedFuture(result);
  }

  private ActionResult apply(Action action) {
    Instant now = time.scheduler().now();
    if (action instanceof Notify) {
      return ActionResult.of(action.id(), Outcome.APPLIED, now, "noted");
    }
    if (action instanceof MigrateJob) {
      return migrate((MigrateJob) action, now);
    }
    if (action instanceof FailoverSite) {
      return failover((FailoverSite) action, now);
    }
    if (action instanceof HoldJob hold) {
      return hold(hold, now);
    }
    if (action instanceof ReleaseJob release) {
      return release(release, now);
    }
    if (!(action instanceof NodeAction)) {
      return ActionResult.of(action.id(), Outcome.UNSUPPORTED, now, action.type().wireName()
          + " is not modelled by the simulator yet");
    }
    NodeAction nodeAction = (NodeAction) action;
    Map.Entry<Integer, String> found = index.find(nodeAction.node());
    if (found.getKey() < 0) {
      return ActionResult.of(action.id(), Outcome.REJECTED, now, found.getValue());
    }
    int node = found.getKey();
    if (conditions.partitioned(dc.nodes.site[node])) {
      return ActionResult.of(action.id(), Outcome.TIMED_OUT, now, "no answer: site "
          + dc.siteId(dc.nodes.site[node]) + " is cut off from the controller");
    }
    byte state = dc.nodes.state[node];
    boolean viaAgent = action instanceof SetpointAction || action instanceof SuspendNode;
    if (viaAgent && (state == NodeTable.DOWN || state == NodeTable.DARK
        || state == NodeTable.OFF)) {
      return ActionResult.of(action.id(), Outcome.TIMED_OUT, now, "no answer: "
          + dc.id(node) + " is " + NodeTable.stateName(state));
    }
    if (action instanceof SetCpuFrequencyCap || action instanceof SetNodePowerCap) {
      return setpoints.apply((SetpointAction) action, node);
    }
    if (action instanceof SetGpuPowerLimit gpu) {
      return gpuLimit(gpu, node, now);
    }
    return power(action, node, now);
  }

  private ActionResult gpuLimit(SetGpuPowerLimit action, int node, Instant now) {
    int count = dc.gpus.count(node);
    if (action.gpuIndex() >= count) {
      return ActionResult.of(action.id(), Outcome.REJECTED, now, dc.id(node) + " has "
          + (count == 0 ? "no GPU" : count + " GPUs, gpu 0.." + (count - 1)) + "; no gpu "
          + action.gpuIndex());
    }
    return setpoints.applyGpu(action, node);
  }

  private ActionResult power(Action action, int node, Instant now) {
    double nowS = time.nowS();
    NodeTable nodes = dc.nodes;
    if (action instanceof DrainNode || action instanceof ResumeNode) {
      nodes.drained[node] = action instanceof DrainNode;
      jobs.nodeChanged(node);
      return ActionResult.of(action.id(), Outcome.APPLIED, now,
          nodes.drained[node] ? "drained" : "resumed");
    }
    if (action instanceof SuspendNode) {
      if (nodes.state[node] != NodeTable.IDLE) {
        return ActionResult.of(action.id(), Outcome.REJECTED, now, dc.id(node) + " is "
            + NodeTable.stateName(nodes.state[node]) + ", only an idle node is suspended");
      }
      nodes.state[node] = NodeTable.OFF;
      dc.refresh(node, nowS);
      jobs.nodeChanged(node);
      return ActionResult.of(action.id(), Outcome.APPLIED, now, "suspended");
    }
    if (action instanceof WakeNode) {
      if (nodes.state[node] != NodeTable.OFF) {
        return ActionResult.of(action.id(), Outcome.APPLIED, now, dc.id(node) + " is already "
            + NodeTable.stateName(nodes.state[node]));
      }
      nodes.state[node] = NodeTable.BOOTING;
      dc.refresh(node, nowS);
      time.at("boot done", nowS + setpoints.bootS(), () -> booted(node));
      return ActionResult.of(action.id(), Outcome.APPLIED, now, "booting");
    }
    return ActionResult.of(action.id(), Outcome.UNSUPPORTED, now, action.type().wireName()
        + " is not modelled by the simulator yet");
  }

  /**
   * Stops the job and queues it again: by checkpoint and restart it keeps all its work, by
   * requeue the work since its last periodic checkpoint. The batch scheduler then starts it
   * on free nodes, never on drained ones.
   */
  private ActionResult migrate(MigrateJob action, Instant now) {
    String id = action.job().value();
    Optional<JobRun> run = SimulatedCluster.traceId(id).flatMap(jobs::runningJob);
    if (run.isEmpty()) {
      return ActionResult.of(action.id(), Outcome.REJECTED, now, "job " + id
          + " is not running (it ended, or it was never in this run)");
    }
    jobs.interrupt(run.get().nodes[0], action.mode() == MigrateJob.Mode.CHECKPOINT_RESTART);
    return ActionResult.of(action.id(), Outcome.APPLIED, now, action.describe());
  }

  /** A queued job leaves the scheduler's candidates until the hold's end. */
  private ActionResult hold(HoldJob action, Instant now) {
    String id = action.job().value();
    if (!action.until().isAfter(now)) {
      return ActionResult.of(action.id(), Outcome.REJECTED, now, "hold of job " + id
          + " ends at " + action.until() + ", not after now (" + now + ")");
    }
    boolean queued = SimulatedCluster.traceId(id)
        .map(trace -> jobs.hold(trace, time.toSeconds(action.until()))).orElse(false);
    if (!queued) {
      return ActionResult.of(action.id(), Outcome.REJECTED, now, "job " + id
          + " is not waiting in a queue (it started, ended, or was never in this run)");
    }
    return ActionResult.of(action.id(), Outcome.APPLIED, now, action.describe());
  }

  private ActionResult release(ReleaseJob action, Instant now) {
    String id = action.job().value();
    boolean released = SimulatedCluster.traceId(id).map(jobs::release).orElse(false);
    return ActionResult.of(action.id(), Outcome.APPLIED, now, released ? "released job " + id
        : "job " + id + " was not held");
  }

  private ActionResult failover(FailoverSite action, Instant now) {
    int from = dc.siteIndex(action.from());
    int to = dc.siteIndex(action.to());
    if (from < 0 || to < 0) {
      return ActionResult.of(action.id(), Outcome.REJECTED, now, "no simulated site "
          + (from < 0 ? action.from() : action.to()));
    }
    int moved = jobs.failover(from, to);
    return ActionResult.of(action.id(), Outcome.APPLIED, now, moved + " jobs moved from "
        + action.from() + " to " + action.to() + "; " + action.from() + " takes no new job");
  }

  private void booted(int node) {
    if (dc.nodes.state[node] == NodeTable.BOOTING) {
      dc.nodes.state[node] = NodeTable.IDLE;
      dc.refresh(node, time.nowS());
      jobs.nodeChanged(node);
    }
  }

  SortedMap<String, Long> appliedByType() {
    return applied;
  }
}
