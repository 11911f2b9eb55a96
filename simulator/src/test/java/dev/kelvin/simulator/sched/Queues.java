package dev.kelvin.simulator.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/** Builders for the scheduler tests: free node sets, queues and the ids of what started. */
final class Queues {
  private Queues() {}

  /** The nodes {@code from} (inclusive) to {@code to} (exclusive) free. */
  static BitSet free(int from, int to) {
    BitSet free = new BitSet();
    free.set(from, to);
    return free;
  }

  /** A job submitted at 0 s. */
  static QueuedJob job(long id, int nodes, long requestedS) {
    return new QueuedJob(id, nodes, requestedS, 0);
  }

  /** A mutable queue holding {@code jobs} in order. */
  static List<QueuedJob> queueOf(QueuedJob... jobs) {
    return new ArrayList<>(List.of(jobs));
  }

  static List<Long> idsOf(List<Placement> placements) {
    return placements.stream().map(placement -> placement.job().id()).toList();
  }

  /** Each placement as "id[nodes]", for comparing runs. */
  static List<String> describe(List<Placement> placements) {
    return placements.stream()
        .map(placement -> placement.job().id() + Arrays.toString(placement.nodes()))
        .toList();
  }

  static List<Long> idsIn(List<QueuedJob> queue) {
    return queue.stream().map(QueuedJob::id).toList();
  }
}
