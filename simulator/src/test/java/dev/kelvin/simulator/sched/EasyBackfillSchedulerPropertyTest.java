package dev.kelvin.simulator.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * EASY backfilling across seeded random states (some nodes busy, some drained, running jobs
 * past their planned ends, heads too large to ever start): every started job fits, and the
 * blocked head starts no later than it would have without the backfilled jobs, when the world
 * is simulated forward with the planned ends.
 */
class EasyBackfillSchedulerPropertyTest {
  private static final long NOW_S = 1_000;
  private static final int STATES = 5_000;

  /** One random state: the site's nodes, the free ones, the running jobs and the queue. */
  private record State(BitSet free, List<PlannedEnd> running, List<QueuedJob> queue) {}

  @Test
  void never_starts_a_job_that_does_not_fit_and_never_delays_the_head() {
    SplittableRandom random = new SplittableRandom(20_010_601);
    int backfilled = 0;
    for (int n = 0; n < STATES; n++) {
      State state = randomState(random);
      BitSet free = (BitSet) state.free().clone();
      List<QueuedJob> queue = new ArrayList<>(state.queue());
      List<Placement> easy = new EasyBackfillScheduler().pick(NOW_S, queue, free,
          state.running());
      List<Placement> fcfs = new FcfsScheduler().pick(NOW_S, new ArrayList<>(state.queue()),
          (BitSet) state.free().clone(), state.running());

      assertFits(state, easy, free, queue);
      assertThat(easy).hasSizeGreaterThanOrEqualTo(fcfs.size());
      assertThat(Queues.describe(easy.subList(0, fcfs.size()))).isEqualTo(Queues.describe(fcfs));
      if (!queue.isEmpty()) {
        QueuedJob head = queue.get(0);
        assertThat(head.id()).isEqualTo(state.queue().get(fcfs.size()).id());
        long withoutBackfill = earliestStart(head.nodes(), state, fcfs);
        long withBackfill = earliestStart(head.nodes(), state, easy);
        assertThat(withBackfill).as("state %d, head %s", n, head)
            .isLessThanOrEqualTo(withoutBackfill);
      }
      backfilled += easy.size() - fcfs.size();
    }
    assertThat(backfilled).as("jobs backfilled over all states").isGreaterThan(STATES / 4);
  }

  private static void assertFits(State state, List<Placement> started, BitSet freeAfter,
      List<QueuedJob> queueAfter) {
    BitSet taken = new BitSet();
    for (Placement placement : started) {
      assertThat(placement.nodes()).hasSize(placement.job().nodes()).isSorted();
      for (int node : placement.nodes()) {
        assertThat(state.free().get(node)).as("node %d was free", node).isTrue();
        assertThat(taken.get(node)).as("node %d given twice", node).isFalse();
        taken.set(node);
      }
    }
    BitSet expectedFree = (BitSet) state.free().clone();
    expectedFree.andNot(taken);
    assertThat(freeAfter).isEqualTo(expectedFree);
    List<Long> startedIds = Queues.idsOf(started);
    assertThat(Queues.idsIn(queueAfter)).isEqualTo(Queues.idsIn(state.queue()).stream()
        .filter(id -> !startedIds.contains(id)).toList());
    assertThat(startedIds).isEqualTo(Queues.idsIn(state.queue()).stream()
        .filter(startedIds::contains).toList());
  }

  /**
   * When {@code needed} nodes are first free, walking forward from now: the nodes free before
   * the pick, less those the started jobs took, plus those each running or started job gives
   * back at its planned end (an overrun end counting as now). Never: {@link Long#MAX_VALUE}.
   */
  private static long earliestStart(int needed, State state, List<Placement> started) {
    List<PlannedEnd> ends = new ArrayList<>(state.running());
    int free = state.free().cardinality();
    for (Placement placement : started) {
      ends.add(new PlannedEnd(placement.nodes().length, NOW_S + placement.job().requestedS()));
      free -= placement.nodes().length;
    }
    TreeSet<Long> times = new TreeSet<>();
    times.add(NOW_S);
    ends.forEach(end -> times.add(Math.max(NOW_S, end.endS())));
    for (long timeS : times) {
      int freeAt = free;
      for (PlannedEnd end : ends) {
        freeAt += Math.max(NOW_S, end.endS()) <= timeS ? end.nodes() : 0;
      }
      if (freeAt >= needed) {
        return timeS;
      }
    }
    return Long.MAX_VALUE;
  }

  private static State randomState(SplittableRandom random) {
    int nodes = random.nextInt(1, 33);
    BitSet free = new BitSet();
    List<PlannedEnd> running = new ArrayList<>();
    int node = 0;
    while (node < nodes) {
      int kind = random.nextInt(10);
      int size = Math.min(nodes - node, random.nextInt(1, 9));
      if (kind < 3) {
        free.set(node, node + size);
      } else if (kind < 9) {
        running.add(new PlannedEnd(size, NOW_S + random.nextLong(-200, 1_500)));
      }
      node += size;
    }
    List<QueuedJob> queue = new ArrayList<>();
    int length = random.nextInt(0, 13);
    for (int id = 0; id < length; id++) {
      queue.add(new QueuedJob(id, random.nextInt(1, nodes + 3), random.nextLong(1, 2_000),
          NOW_S - length + id));
    }
    return new State(free, running, queue);
  }
}
