package dev.kelvin.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state of the cluster at one instant, as the control loop sees it: every known node, the
 * sites with their racks, budgets, facility readings and open alarms, the jobs, and what the
 * workload manager says of each node's availability (idle since when, suspended, drained; empty
 * where it says nothing), each in a fixed order, so that rules and reports are deterministic.
 */
public record ClusterSnapshot(Instant at, SortedMap<NodeId, NodeView> nodes,
    SortedMap<SiteId, SiteView> sites, SortedMap<JobId, Job> jobs,
    SortedMap<NodeId, NodeAvailability> availability) {
  public ClusterSnapshot {
    Objects.requireNonNull(at, "at");
    nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
    sites = Collections.unmodifiableSortedMap(new TreeMap<>(sites));
    jobs = Collections.unmodifiableSortedMap(new TreeMap<>(jobs));
    availability = Collections.unmodifiableSortedMap(new TreeMap<>(availability));
  }

  /** A snapshot without availability: the workload manager reports no node states. */
  public ClusterSnapshot(Instant at, SortedMap<NodeId, NodeView> nodes,
      SortedMap<SiteId, SiteView> sites, SortedMap<JobId, Job> jobs) {
    this(at, nodes, sites, jobs, new TreeMap<>());
  }

  /** Nodes only: every site they name, with its racks and nothing else known. */
  public static ClusterSnapshot of(Instant at, Collection<NodeView> views) {
    TreeMap<NodeId, NodeView> map = new TreeMap<>();
    for (NodeView view : views) {
      map.put(view.id(), view);
    }
    return new ClusterSnapshot(at, map, SiteViews.fromNodes(map.values()), new TreeMap<>());
  }

  public static ClusterSnapshot empty(Instant at) {
    return new ClusterSnapshot(at, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
  }

  public Optional<NodeView> node(NodeId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  public Collection<NodeView> views() {
    return nodes.values();
  }

  /** What the workload manager says of {@code id}'s availability, if anything. */
  public Optional<NodeAvailability> availability(NodeId id) {
    return Optional.ofNullable(availability.get(id));
  }

  public Optional<SiteView> site(SiteId id) {
    return Optional.ofNullable(sites.get(id));
  }

  /** The jobs running on {@code node}, in job order. */
  public List<Job> jobsOn(NodeId node) {
    List<Job> on = new ArrayList<>();
    for (Job job : jobs.values()) {
      if (job.runsOn(node)) {
        on.add(job);
      }
    }
    return on;
  }

  /** Sum of the latest power of the nodes that are not stale, in watts. */
  public double totalPowerWatts() {
    return ClusterSummary.of(this).totalPowerWatts();
  }
}
