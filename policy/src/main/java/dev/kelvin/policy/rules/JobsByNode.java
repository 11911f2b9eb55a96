package dev.kelvin.policy.rules;

import dev.kelvin.core.model.NodeId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The running jobs of every node, one fact for the whole snapshot: a rule that needs the jobs of
 * a few nodes reads them {@code from} it instead of joining every node with every job.
 */
public final class JobsByNode {
  private final Map<NodeId, List<JobFact>> byNode;

  private JobsByNode(Map<NodeId, List<JobFact>> byNode) {
    this.byNode = byNode;
  }

  /** Indexes the running ones of {@code jobs}, each under every node it runs on, in job order. */
  public static JobsByNode of(Collection<JobFact> jobs) {
    Map<NodeId, List<JobFact>> byNode = new HashMap<>();
    for (JobFact job : jobs) {
      if (job.running()) {
        for (NodeId node : job.nodes()) {
          byNode.computeIfAbsent(node, n -> new ArrayList<>(1)).add(job);
        }
      }
    }
    return new JobsByNode(byNode);
  }

  /** The jobs running on {@code node}, in the snapshot's job order; empty when none. */
  public List<JobFact> on(NodeId node) {
    return List.copyOf(byNode.getOrDefault(node, List.of()));
  }
}
