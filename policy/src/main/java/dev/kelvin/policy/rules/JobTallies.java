package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the snapshot's jobs say of each node and site, gathered in one pass over the jobs (at
 * 50,000 jobs each pass is milliseconds of pointer chasing, and no rule joins nodes with jobs):
 * how many jobs run on a node and their highest priority, the jobs running on each node, and
 * each site's job count and queue (the pending jobs, with the node counts they ask for).
 */
final class JobTallies {
  private final Map<NodeId, Tally> byNode = new HashMap<>();
  private final Map<NodeId, List<Job>> runningByNode = new HashMap<>();
  private final Map<SiteId, SiteJobs> bySite = new HashMap<>();

  private JobTallies() {}

  static JobTallies of(Collection<Job> jobs) {
    JobTallies tallies = new JobTallies();
    SiteJobs site = null;
    for (Job job : jobs) {
      if (site == null || !site.id.equals(job.site())) {
        site = tallies.bySite.computeIfAbsent(job.site(), SiteJobs::new);
      }
      site.count++;
      if (job.state() == Job.State.RUNNING) {
        tallies.addRunning(job);
      } else {
        site.addPending(job);
      }
    }
    return tallies;
  }

  int running(NodeId node) {
    Tally tally = byNode.get(node);
    return tally == null ? 0 : tally.running;
  }

  /** The highest priority of the jobs running on {@code node}; NaN with none. */
  double topPriority(NodeId node) {
    Tally tally = byNode.get(node);
    return tally == null ? Double.NaN : tally.topPriority;
  }

  /** The jobs running on each node, in job order. */
  Map<NodeId, List<Job>> runningByNode() {
    return runningByNode;
  }

  /** Each site's pending jobs, in job order. */
  Map<SiteId, List<Job>> pendingBySite() {
    Map<SiteId, List<Job>> pending = new HashMap<>();
    bySite.forEach((id, site) -> pending.put(id, site.pending));
    return pending;
  }

  /** How many jobs, running and pending, belong to {@code site}. */
  int jobsAt(SiteId site) {
    SiteJobs jobs = bySite.get(site);
    return jobs == null ? 0 : jobs.count;
  }

  /**
   * The nodes the pending jobs of {@code site} ask for, counting only jobs of at most
   * {@code siteNodes} nodes (a larger one can never start there) and not held at {@code now}
   * (a held job cannot start before its hold ends or is released: nodes kept powered for it
   * would idle; once it may start, it counts again and nodes are woken for it).
   */
  int pendingDemand(SiteId site, int siteNodes, Instant now) {
    SiteJobs jobs = bySite.get(site);
    int demand = 0;
    for (int i = 0; jobs != null && i < jobs.pendingSizes; i++) {
      int size = jobs.sizes[i];
      demand += size <= siteNodes && !jobs.pending.get(i).heldAt(now) ? size : 0;
    }
    return demand;
  }

  private void addRunning(Job job) {
    for (NodeId node : job.nodes()) {
      Tally tally = byNode.computeIfAbsent(node, n -> new Tally());
      tally.running++;
      tally.topPriority = Math.max(tally.topPriority, job.priority());
      runningByNode.computeIfAbsent(node, n -> new ArrayList<>(1)).add(job);
    }
  }

  /** One node's count and highest priority, kept mutable while the jobs are gathered. */
  private static final class Tally {
    private int running;
    private long topPriority = Long.MIN_VALUE;
  }

  /** One site's job count and queue, kept mutable while the jobs are gathered. */
  private static final class SiteJobs {
    private final SiteId id;
    private final List<Job> pending = new ArrayList<>();
    private int count;
    private int[] sizes = new int[16];
    private int pendingSizes;

    private SiteJobs(SiteId id) {
      this.id = id;
    }

    private void addPending(Job job) {
      pending.add(job);
      if (pendingSizes == sizes.length) {
        sizes = Arrays.copyOf(sizes, sizes.length * 2);
      }
      sizes[pendingSizes++] = job.size();
    }
  }
}
