package dev.kelvin.simulator.sched;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * First come, first served: starts jobs from the head of the queue while the head fits in the
 * free nodes and stops at the first that does not, however many behind it would fit. A job
 * larger than every node the site has blocks the queue for good; the engine filters those out
 * before queueing.
 */
public final class FcfsScheduler implements BatchScheduler {
  @Override
  public List<Placement> pick(long nowS, List<QueuedJob> queue, BitSet freeNodes,
      List<PlannedEnd> running) {
    int free = freeNodes.cardinality();
    if (free == 0 || queue.isEmpty()) {
      return List.of();
    }
    List<Placement> started = new ArrayList<>();
    int head = 0;
    while (head < queue.size() && queue.get(head).nodes() <= free) {
      Placement placement = NodeAllocation.take(queue.get(head), freeNodes);
      started.add(placement);
      free -= placement.nodes().length;
      head++;
    }
    NodeAllocation.dropRange(queue, 0, head);
    return started;
  }
}
