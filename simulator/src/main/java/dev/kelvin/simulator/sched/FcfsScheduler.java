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
    if (freeNodes.isEmpty() || queue.isEmpty()) {
      return List.of();
    }
    List<Placement> started = new ArrayList<>();
    int head = NodeAllocation.startFromHead(queue, freeNodes, started);
    NodeAllocation.dropRange(queue, 0, head);
    return started;
  }
}
