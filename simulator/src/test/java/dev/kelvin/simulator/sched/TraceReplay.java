package dev.kelvin.simulator.sched;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A minimal event loop for the scheduler tests: jobs arrive at their submit times, run for their
 * run time (which may overrun the requested time), and the scheduler is asked after every
 * submit and end. Just enough engine to replay a trace; the simulator's engine is elsewhere.
 */
final class TraceReplay {
  /** A job of the trace: the queued view plus how long it really runs. */
  record Job(QueuedJob queued, long runS) {}

  /** What a replay gives: the mean wait, the calls made and the time spent in the scheduler. */
  record Outcome(int started, double meanWaitS, long calls, long schedulerNanos) {}

  private record Running(long endS, long id, PlannedEnd planned, int[] nodes) {}

  private TraceReplay() {}

  /** Replays {@code jobs}, in submit order, on {@code nodes} nodes. */
  static Outcome replay(BatchScheduler scheduler, List<Job> jobs, int nodes) {
    PriorityQueue<Running> running = new PriorityQueue<>(
        Comparator.comparingLong(Running::endS).thenComparingLong(Running::id));
    List<PlannedEnd> planned = new ArrayList<>();
    List<QueuedJob> queue = new ArrayList<>();
    BitSet free = new BitSet();
    free.set(0, nodes);
    long[] runS = jobs.stream().mapToLong(Job::runS).toArray();
    int next = 0;
    int started = 0;
    long calls = 0;
    long nanos = 0;
    double waitS = 0;
    while (next < jobs.size() || !running.isEmpty()) {
      long nowS = Math.min(next < jobs.size() ? jobs.get(next).queued().submitS() : Long.MAX_VALUE,
          running.isEmpty() ? Long.MAX_VALUE : running.peek().endS());
      while (!running.isEmpty() && running.peek().endS() == nowS) {
        Running done = running.poll();
        planned.remove(done.planned());
        for (int node : done.nodes()) {
          free.set(node);
        }
      }
      while (next < jobs.size() && jobs.get(next).queued().submitS() == nowS) {
        queue.add(jobs.get(next++).queued());
      }
      long before = System.nanoTime();
      List<Placement> placements = scheduler.pick(nowS, queue, free, planned);
      nanos += System.nanoTime() - before;
      calls++;
      for (Placement placement : placements) {
        QueuedJob job = placement.job();
        PlannedEnd end = new PlannedEnd(job.nodes(), nowS + job.requestedS());
        planned.add(end);
        running.add(new Running(nowS + runS[(int) job.id()], job.id(), end, placement.nodes()));
        waitS += nowS - job.submitS();
        started++;
      }
    }
    return new Outcome(started, started == 0 ? 0 : waitS / started, calls, nanos);
  }
}
