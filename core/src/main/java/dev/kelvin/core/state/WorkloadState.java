package dev.kelvin.core.state;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.SiteId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the workload manager and the operator tell the controller about each site: the jobs
 * queued and running and the availability of its nodes (each replaced whole by each report of
 * a site's workload manager), and the power budgets in force. Guarded by its monitor.
 */
final class WorkloadState {
  private final Map<SiteId, List<Job>> jobsBySite = new HashMap<>();
  private final Map<SiteId, List<PowerBudget>> budgetsBySite = new HashMap<>();
  private final Map<SiteId, List<NodeAvailability>> availabilityBySite = new HashMap<>();
  private final AvailabilityChanges changes = new AvailabilityChanges();

  /** Replaces every job of {@code site} with {@code jobs}, which must all be of that site. */
  synchronized void replaceJobs(SiteId site, Collection<Job> jobs) {
    for (Job job : jobs) {
      if (!job.site().equals(site)) {
        throw new IllegalArgumentException("job " + job.id() + " of site " + job.site()
            + " reported as a job of site " + site);
      }
    }
    jobsBySite.put(site, List.copyOf(jobs));
  }

  /**
   * Replaces the availability of every node of {@code site}; each must be of that site. Returns
   * the nodes whose availability changed ({@link AvailabilityChanges}).
   */
  synchronized List<NodeAvailability> replaceAvailability(SiteId site,
      Collection<NodeAvailability> nodes) {
    for (NodeAvailability node : nodes) {
      if (!node.node().site().equals(site)) {
        throw new IllegalArgumentException("availability of node " + node.node()
            + " reported as a node of site " + site);
      }
    }
    List<NodeAvailability> report = List.copyOf(nodes);
    availabilityBySite.put(site, report);
    return changes.changed(report);
  }

  synchronized SortedMap<NodeId, NodeAvailability> availability() {
    SortedMap<NodeId, NodeAvailability> all = new TreeMap<>();
    availabilityBySite.values().forEach(nodes -> nodes.forEach(node -> all.put(node.node(),
        node)));
    return all;
  }

  /** Replaces every budget in force with {@code budgets}. */
  synchronized void replaceBudgets(Collection<PowerBudget> budgets) {
    budgetsBySite.clear();
    for (PowerBudget budget : budgets) {
      budgetsBySite.computeIfAbsent(budget.site(), site -> new ArrayList<>()).add(budget);
    }
  }

  synchronized SortedMap<JobId, Job> jobs() {
    SortedMap<JobId, Job> all = new TreeMap<>();
    jobsBySite.values().forEach(jobs -> jobs.forEach(job -> all.put(job.id(), job)));
    return all;
  }

  synchronized List<PowerBudget> budgets(SiteId site) {
    return List.copyOf(budgetsBySite.getOrDefault(site, List.of()));
  }

  synchronized List<SiteId> sites() {
    List<SiteId> sites = new ArrayList<>(jobsBySite.keySet());
    sites.addAll(budgetsBySite.keySet());
    return sites;
  }
}
