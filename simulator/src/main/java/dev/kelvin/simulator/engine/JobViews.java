package dev.kelvin.simulator.engine;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.simulator.sched.QueuedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The jobs running and waiting at every site, as the workload manager reports them: running
 * ones with their nodes and start, queued ones, and held ones with the end of their hold; each
 * deferrable where its user marked it so ({@link DeferrableJobs}).
 */
final class JobViews {
  private final Datacenter dc;
  private final JobBook jobs;
  private final SimTime time;
  private final DeferrableJobs deferrable;

  JobViews(Datacenter dc, JobBook jobs, SimTime time, DeferrableJobs deferrable) {
    this.dc = dc;
    this.jobs = jobs;
    this.time = time;
    this.deferrable = deferrable;
  }

  /** Every job of every site now, by id. */
  TreeMap<JobId, Job> all() {
    TreeMap<JobId, Job> views = new TreeMap<>();
    for (int s = 0; s < dc.siteCount(); s++) {
      for (JobRun run : jobs.running(s)) {
        views.put(SimulatedCluster.jobId(run.trace.id()), running(s, run));
      }
      for (QueuedJob queued : jobs.queued(s)) {
        views.put(SimulatedCluster.jobId(queued.id()), pending(s, queued, Optional.empty()));
      }
      for (Map.Entry<QueuedJob, Double> held : jobs.held(s).entrySet()) {
        views.put(SimulatedCluster.jobId(held.getKey().id()), pending(s, held.getKey(),
            Optional.of(time.instantAt(held.getValue()))));
      }
    }
    return views;
  }

  private Job running(int site, JobRun run) {
    List<NodeId> on = new ArrayList<>(run.nodes.length);
    for (int i : run.nodes) {
      on.add(dc.id(i));
    }
    return new Job(SimulatedCluster.jobId(run.trace.id()), dc.siteId(site), Job.State.RUNNING,
        on, run.nodes.length, time.instantAt(run.submitS),
        Optional.of(time.instantAt(run.startS)), Duration.ofSeconds(run.trace.requestedS()), 0,
        deferrable.marked(run.trace.id()), Optional.empty());
  }

  private Job pending(int site, QueuedJob queued, Optional<Instant> heldUntil) {
    return new Job(SimulatedCluster.jobId(queued.id()), dc.siteId(site), Job.State.PENDING,
        List.of(), queued.nodes(), time.instantAt(queued.submitS()), Optional.empty(),
        Duration.ofSeconds(Math.max(1, queued.requestedS())), 0, deferrable.marked(queued.id()),
        Optional.empty(), heldUntil);
  }
}
