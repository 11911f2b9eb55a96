package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeId;
import java.util.HashMap;
import java.util.Map;

/**
 * What the snapshot's running jobs say of each node, gathered in one pass over the jobs so
 * that no rule joins every node with every job: how many run on it and their highest priority.
 */
final class NodeJobs {
  private final Map<NodeId, Integer> running = new HashMap<>();
  private final Map<NodeId, Long> topPriority = new HashMap<>();

  void add(Job job) {
    for (NodeId node : job.nodes()) {
      running.merge(node, 1, Integer::sum);
      topPriority.merge(node, job.priority(), Math::max);
    }
  }

  int running(NodeId node) {
    return running.getOrDefault(node, 0);
  }

  /** The highest priority of the jobs running on {@code node}; NaN with none. */
  double topPriority(NodeId node) {
    Long value = topPriority.get(node);
    return value == null ? Double.NaN : value;
  }
}
