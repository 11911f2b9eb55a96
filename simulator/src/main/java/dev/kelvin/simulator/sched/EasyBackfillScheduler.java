package dev.kelvin.simulator.sched;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * EASY backfilling (Lifka, "The ANL/IBM SP scheduling system", JSSPP 1995; Mu'alem and
 * Feitelson, "Utilization, predictability, workloads, and user runtime estimates in scheduling
 * the IBM SP2 with backfilling", IEEE TPDS 12(6), 2001). Starts jobs from the head of the queue
 * while they fit. The first that does not gets a {@link Reservation}: its shadow time and the
 * extra nodes, planned with the running jobs and with those just started from the head. The
 * rest of the queue is then scanned in order, and a job starts if it fits now and either ends
 * (now plus its requested time) by the shadow time or needs no more than the extra nodes,
 * which then shrink by its size. So no backfilled job delays the head, as long as running jobs
 * end by their requested times. Only the head gets a reservation.
 *
 * <p>A head that needs more nodes than are free plus running (nodes drained or off, or a job
 * larger than the site, which the engine filters out before queueing) just waits: its shadow
 * time is never, so every job behind it that fits may start.
 *
 * <p>Cost per call: one pass over the queue, which also removes the started jobs; the running
 * jobs are sorted by planned end only when a head is blocked and some node is free. The queue
 * is read and written by index, so it should be random access (an {@code ArrayList}).
 */
public final class EasyBackfillScheduler implements BatchScheduler {
  @Override
  public List<Placement> pick(long nowS, List<QueuedJob> queue, BitSet freeNodes,
      List<PlannedEnd> running) {
    if (freeNodes.isEmpty() || queue.isEmpty()) {
      return List.of();
    }
    List<Placement> started = new ArrayList<>();
    int head = NodeAllocation.startFromHead(queue, freeNodes, started);
    int free = freeNodes.cardinality();
    if (head == queue.size() || free == 0) {
      NodeAllocation.dropRange(queue, 0, head);
      return started;
    }
    Reservation reservation =
        Reservation.forHead(nowS, queue.get(head).nodes(), free, running, started);
    backfill(nowS, queue, head, freeNodes, free, reservation, started);
    return started;
  }

  /**
   * Scans the queue behind the blocked head, starting what may start, and compacts the queue in
   * the same pass: the head moves to the front, the jobs still waiting follow in order.
   */
  private static void backfill(long nowS, List<QueuedJob> queue, int head, BitSet freeNodes,
      int freeNow, Reservation reservation, List<Placement> started) {
    int free = freeNow;
    long extra = reservation.extraNodes();
    queue.set(0, queue.get(head));
    int kept = 1;
    int next = head + 1;
    for (; next < queue.size() && free > 0; next++) {
      QueuedJob job = queue.get(next);
      boolean endsByShadow = reservation.endsBy(nowS, job.requestedS());
      if (job.nodes() <= free && (endsByShadow || job.nodes() <= extra)) {
        started.add(NodeAllocation.take(job, freeNodes));
        free -= job.nodes();
        if (!endsByShadow) {
          extra -= job.nodes();
        }
      } else {
        queue.set(kept++, job);
      }
    }
    NodeAllocation.dropRange(queue, kept, next);
  }
}
