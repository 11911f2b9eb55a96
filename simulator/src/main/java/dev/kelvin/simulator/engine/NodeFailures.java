package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.failure.PlannedFailure;
import dev.kelvin.simulator.failure.Precursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plays a run's planned node failures: at its time a node goes down (its job, if any, loses the
 * work since its last checkpoint and queues again), draws what a failed node draws, takes no
 * job, and comes back idle after its repair. A failure planned for a node already down or
 * switched off does not happen, and is counted as such; those that happen are kept, with
 * whether they gave warning, as the ground truth of a failure predictor.
 */
final class NodeFailures {
  private final Datacenter dc;
  private final JobBook jobs;
  private final SimTime time;
  private final List<PlannedFailure> plan;
  private final Timeline timeline;
  private final Optional<Precursors> precursors;
  private final List<HappenedFailure> happenedList = new ArrayList<>();
  private int next;
  private int happened;
  private int skipped;

  NodeFailures(Datacenter dc, JobBook jobs, SimTime time, List<PlannedFailure> plan,
      Timeline timeline, Optional<Precursors> precursors) {
    this.dc = dc;
    this.precursors = precursors;
    this.jobs = jobs;
    this.time = time;
    this.plan = plan;
    this.timeline = timeline;
  }

  void start() {
    scheduleNext();
  }

  private void scheduleNext() {
    if (next < plan.size()) {
      PlannedFailure failure = plan.get(next);
      time.at("node failure", failure.atS(), () -> fail(failure));
    }
  }

  private void fail(PlannedFailure failure) {
    next++;
    scheduleNext();
    int node = failure.node();
    byte state = dc.nodes.state[node];
    if (state == NodeTable.DOWN || state == NodeTable.OFF || state == NodeTable.BOOTING
        || state == NodeTable.DARK) {
      skipped++;
      return;
    }
    happened++;
    boolean hadJob = jobs.interrupt(node, false);
    happenedList.add(new HappenedFailure(dc.id(node), time.instantAt(failure.atS()),
        time.instantAt(failure.backS()),
        precursors.isPresent() && precursors.get().showsPrecursors(failure), hadJob));
    dc.nodes.state[node] = NodeTable.DOWN;
    dc.refresh(node, time.nowS());
    jobs.nodeChanged(node);
    timeline.add(time.nowS(), "failure", dc.id(node) + " failed" + (hadJob ? ", its job"
        + " requeued" : ""));
    time.at("node repaired", failure.atS() + failure.repairS(), () -> repair(node));
  }

  private void repair(int node) {
    if (dc.nodes.state[node] == NodeTable.DOWN) {
      dc.nodes.state[node] = NodeTable.IDLE;
      dc.refresh(node, time.nowS());
      jobs.nodeChanged(node);
    }
  }

  int happened() {
    return happened;
  }

  /** The failures that happened so far, in time order. */
  List<HappenedFailure> happenedFailures() {
    return List.copyOf(happenedList);
  }

  int skipped() {
    return skipped;
  }
}
