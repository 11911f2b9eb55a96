package dev.kelvin.simulator.sched;

import java.util.BitSet;
import java.util.List;

/**
 * Decides which waiting jobs start now, on which nodes: whole nodes, the job's size of them.
 * Implementations are deterministic (same arguments, same answer) and keep no state between
 * calls.
 */
public interface BatchScheduler {
  /**
   * Starts what may start at {@code nowS}.
   *
   * @param queue the waiting jobs in submit order; the started ones are removed from it
   * @param freeNodes the nodes free to take a job now (idle, not drained, not off or failed);
   *     the nodes given to started jobs are cleared in it
   * @param running the running jobs with the ends their requested times give
   * @return the jobs started, in the order they were chosen
   */
  List<Placement> pick(long nowS, List<QueuedJob> queue, BitSet freeNodes,
      List<PlannedEnd> running);
}
