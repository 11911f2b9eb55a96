package dev.kelvin.simulator.sched;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The reservation EASY backfilling gives the blocked head of the queue: its shadow time (the
 * earliest time enough nodes are free for it, walking the planned ends of the running jobs and
 * of those just started in order, an end at or before now counting as now) and the extra nodes
 * (those free at the shadow time beyond what the head needs).
 *
 * @param shadowS when the head can start at the latest, seconds of simulated time;
 *     {@link #NEVER} when it needs more nodes than are free plus running
 * @param extraNodes the nodes free at the shadow time that the head does not need
 */
record Reservation(long shadowS, long extraNodes) {
  /** The shadow time of a head that the nodes free plus running can never hold. */
  static final long NEVER = Long.MAX_VALUE;

  /** Whether a job asking for {@code requestedS} from {@code nowS} ends by the shadow time. */
  boolean endsBy(long nowS, long requestedS) {
    return shadowS == NEVER || requestedS <= shadowS - nowS;
  }

  /**
   * The reservation of a head that needs {@code needed} nodes while {@code freeNow} are free.
   *
   * @param startedNow the jobs this call started before reaching the head, which hold their
   *     nodes for their requested time from {@code nowS}
   */
  static Reservation forHead(long nowS, int needed, int freeNow, List<PlannedEnd> running,
      List<Placement> startedNow) {
    PlannedEnd[] ends = new PlannedEnd[running.size() + startedNow.size()];
    long total = freeNow;
    for (int i = 0; i < ends.length; i++) {
      ends[i] = i < running.size() ? running.get(i)
          : endOf(nowS, startedNow.get(i - running.size()).job());
      total += ends[i].nodes();
    }
    if (total < needed) {
      return new Reservation(NEVER, 0);
    }
    sortByEnd(nowS, ends);
    long available = freeNow;
    int k = 0;
    while (available < needed) {
      available += ends[k++].nodes();
    }
    long shadowS = Math.max(nowS, ends[k - 1].endS());
    while (k < ends.length && Math.max(nowS, ends[k].endS()) == shadowS) {
      available += ends[k++].nodes();
    }
    return new Reservation(shadowS, available - needed);
  }

  private static PlannedEnd endOf(long nowS, QueuedJob job) {
    long endS = job.requestedS() > Long.MAX_VALUE - nowS ? NEVER : nowS + job.requestedS();
    return new PlannedEnd(job.nodes(), endS);
  }

  /**
   * Sorts by planned end, ends at or before now all counting as now. Sorts primitive keys (the
   * end's offset from now above the job's index) where they fit in a long, several times faster
   * than sorting the records with a comparator, which it falls back to otherwise.
   */
  private static void sortByEnd(long nowS, PlannedEnd[] ends) {
    int indexBits = 32 - Integer.numberOfLeadingZeros(ends.length);
    long maxOffsetS = (1L << (63 - indexBits)) - 1;
    long[] keys = new long[ends.length];
    for (int i = 0; i < ends.length; i++) {
      long endS = ends[i].endS();
      long offsetS = endS <= nowS ? 0 : endS - nowS;
      if (offsetS < 0 || offsetS > maxOffsetS) {
        Arrays.sort(ends, Comparator.comparingLong(PlannedEnd::endS));
        return;
      }
      keys[i] = offsetS << indexBits | i;
    }
    Arrays.sort(keys);
    PlannedEnd[] unsorted = ends.clone();
    long indexMask = (1L << indexBits) - 1;
    for (int k = 0; k < ends.length; k++) {
      ends[k] = unsorted[(int) (keys[k] & indexMask)];
    }
  }
}
