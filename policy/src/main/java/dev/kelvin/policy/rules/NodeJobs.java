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
  private final Map<NodeId, Tally> byNode = new HashMap<>();

  void add(Job job) {
    for (NodeId node : job.nodes()) {
      Tally tally = byNode.computeIfAbsent(node, n -> new Tally());
      tally.running++;
      tally.topPriority = Math.max(tally.topPriority, job.priority());
    }
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

  /** One node's count and highest priority, kept mutable while the jobs are gathered. */
  private static final class Tally {
    private int running;
    private long topPriority = Long.MIN_VALUE;
  }
}
