package dev.kelvin.simulator.sched;

import java.util.BitSet;
import java.util.List;

/**
 * Whole-node allocation and queue upkeep shared by the schedulers: a started job takes the
 * lowest-numbered free nodes, so that the same state always gives the same nodes.
 */
final class NodeAllocation {
  private NodeAllocation() {}

  /**
   * Gives {@code job} the lowest-numbered free nodes and clears them in {@code freeNodes}; the
   * caller has checked that enough are free.
   */
  static Placement take(QueuedJob job, BitSet freeNodes) {
    if (job.nodes() < 1) {
      throw new IllegalArgumentException("job " + job.id() + ": nodes must be >= 1 whole node,"
          + " was " + job.nodes() + " (processors not yet turned into nodes?)");
    }
    if (job.requestedS() < 1) {
      throw new IllegalArgumentException("job " + job.id() + ": requestedS must be >= 1 s, was "
          + job.requestedS() + " (a missing limit sent as -1?)");
    }
    int[] nodes = new int[job.nodes()];
    int node = freeNodes.nextSetBit(0);
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = node;
      freeNodes.clear(node);
      node = freeNodes.nextSetBit(node + 1);
    }
    return new Placement(job, nodes);
  }

  /**
   * Drops the slots {@code from} (inclusive) to {@code to} (exclusive) from the queue in one
   * shift of the jobs behind them.
   */
  /**
   * Starts jobs from the head of {@code queue} while each fits the free nodes (first come,
   * first served), adding them to {@code started}; the queue is left as it was.
   *
   * @return how many jobs from the head were started
   */
  static int startFromHead(List<QueuedJob> queue, BitSet freeNodes, List<Placement> started) {
    int free = freeNodes.cardinality();
    int head = 0;
    while (head < queue.size() && queue.get(head).nodes() <= free) {
      Placement placement = take(queue.get(head), freeNodes);
      started.add(placement);
      free -= placement.nodes().length;
      head++;
    }
    return head;
  }

  static void dropRange(List<QueuedJob> queue, int from, int to) {
    if (from < to) {
      queue.subList(from, to).clear();
    }
  }
}
