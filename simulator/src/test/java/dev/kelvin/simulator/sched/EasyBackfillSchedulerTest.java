package dev.kelvin.simulator.sched;

import static dev.kelvin.simulator.sched.Queues.free;
import static dev.kelvin.simulator.sched.Queues.idsIn;
import static dev.kelvin.simulator.sched.Queues.idsOf;
import static dev.kelvin.simulator.sched.Queues.job;
import static dev.kelvin.simulator.sched.Queues.queueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EASY backfilling on hand-drawn cases, each with the reason every job starts or waits. */
class EasyBackfillSchedulerTest {
  private final EasyBackfillScheduler easy = new EasyBackfillScheduler();

  /**
   * Ten nodes at 0 s. R1 holds nodes 0-3 until 100 s, R2 nodes 4-5 until 300 s; 6-9 are free.
   * The queue, in submit order: A 6 nodes 200 s, B 3 nodes 500 s, C 2 nodes 80 s, D 1 node
   * 400 s, E 2 nodes 50 s, F 1 node 1000 s.
   *
   * <pre>
   * node   0 s          80   100                    300        400 s         1000 s
   * 0-3    [R1 ..............][A ......................]
   * 4-5    [R2 ..........................................]
   * 6-7    [C ...........]    [A ......................]
   * 8      [D .......................................................]
   * 9      [F ......................................................................]
   * </pre>
   *
   * A does not fit (4 free): it is the head and gets the reservation. At 100 s R1's 4 nodes
   * join the 4 free ones: shadow time 100 s, 8 - 6 = 2 extra nodes. B fits now but would hold 3
   * of A's nodes past 100 s (3 > 2 extra): it waits. C ends at 80 s, before the shadow time:
   * it starts on 6-7. D runs past 100 s but needs 1 of the 2 extra nodes: it starts on 8, 1
   * extra left. E needs 2, only node 9 is free: it waits. F takes the last extra node, 9.
   * At 100 s nodes 0-3 and 6-7 are free and A starts on time.
   */
  @Test
  void backfills_a_short_job_ahead_of_the_reserved_head_and_refuses_one_that_would_delay_it() {
    List<QueuedJob> queue = queueOf(job(1, 6, 200), job(2, 3, 500), job(3, 2, 80),
        job(4, 1, 400), job(5, 2, 50), job(6, 1, 1000));
    BitSet free = free(6, 10);

    List<Placement> started = easy.pick(0, queue, free,
        List.of(new PlannedEnd(4, 100), new PlannedEnd(2, 300)));

    assertThat(Queues.describe(started)).containsExactly("3[6, 7]", "4[8]", "6[9]");
    assertThat(idsIn(queue)).containsExactly(1L, 2L, 5L);
    assertThat(free.isEmpty()).isTrue();
  }

  /**
   * Eight nodes at 0 s, R1 on nodes 0-3 until 100 s. Head A needs 6: shadow 100 s, 2 extra
   * nodes. X (2 nodes, 1000 s) runs far past the shadow time on the 2 extra nodes. Y (1 node,
   * 1000 s) fits in the 2 nodes still free, but no extra node is left: it would delay A. Z
   * (1 node, 50 s) ends before the shadow time and starts.
   */
  @Test
  void a_job_on_the_extra_nodes_alone_may_run_past_the_shadow_time_until_they_run_out() {
    List<QueuedJob> queue = queueOf(job(1, 6, 300), job(2, 2, 1000), job(3, 1, 1000),
        job(4, 1, 50));

    List<Placement> started = easy.pick(0, queue, free(4, 8), List.of(new PlannedEnd(4, 100)));

    assertThat(Queues.describe(started)).containsExactly("2[4, 5]", "4[6]");
    assertThat(idsIn(queue)).containsExactly(1L, 3L);
  }

  /**
   * Six nodes at 100 s; R1 holds 4 of them and was planned to end at 90 s: it overran its
   * limit and counts as ending now. Head A needs 5: shadow time now, 2 + 4 - 5 = 1 extra node.
   * B (2 nodes, 10 s) ends after now and needs more than the extra node: it waits. C (1 node)
   * starts on the extra node.
   */
  @Test
  void a_running_job_past_its_planned_end_counts_as_ending_now() {
    List<QueuedJob> queue = queueOf(job(1, 5, 300), job(2, 2, 10), job(3, 1, 1000));

    List<Placement> started = easy.pick(100, queue, free(4, 6), List.of(new PlannedEnd(4, 90)));

    assertThat(Queues.describe(started)).containsExactly("3[4]");
    assertThat(idsIn(queue)).containsExactly(1L, 2L);
    assertThat(Reservation.forHead(100, 5, 2, List.of(new PlannedEnd(4, 90)), List.of()))
        .isEqualTo(new Reservation(100, 1));
  }

  @Test
  void the_extra_nodes_count_every_running_job_that_ends_at_the_shadow_time() {
    List<PlannedEnd> running = List.of(new PlannedEnd(2, 300), new PlannedEnd(2, 100),
        new PlannedEnd(2, 100), new PlannedEnd(1, 50));

    Reservation reservation = Reservation.forHead(0, 4, 1, running, List.of());

    assertThat(reservation).isEqualTo(new Reservation(100, 1 + 1 + 2 + 2 - 4));
  }

  @Test
  void a_head_that_cannot_start_on_the_nodes_free_plus_running_lets_every_job_that_fits_start() {
    List<QueuedJob> queue = queueOf(job(1, 64, 300), job(2, 3, 100_000), job(3, 2, 10));

    List<Placement> started = easy.pick(0, queue, free(0, 4), List.of(new PlannedEnd(4, 100)));

    assertThat(idsOf(started)).containsExactly(2L);
    assertThat(idsIn(queue)).containsExactly(1L, 3L);
    assertThat(Reservation.forHead(0, 64, 4, List.of(new PlannedEnd(4, 100)), List.of())
        .shadowS()).isEqualTo(Reservation.NEVER);
  }

  @Test
  void jobs_at_the_head_start_before_the_first_blocked_one_gets_its_reservation() {
    List<QueuedJob> queue = queueOf(job(1, 2, 500), job(2, 4, 100), job(3, 1, 40),
        job(4, 1, 60));

    List<Placement> started = easy.pick(0, queue, free(0, 4), List.of(new PlannedEnd(2, 50)));

    assertThat(Queues.describe(started)).containsExactly("1[0, 1]", "3[2]");
    assertThat(idsIn(queue)).containsExactly(2L, 4L);
  }

  /**
   * Four nodes free at 0 s, R1 on two more until 1000 s. P (2 nodes, 10 s) starts from the
   * head; H (4 nodes) is blocked until P ends at 10 s, so its shadow time is 10 s, not R1's
   * 1000 s. J (2 nodes, 500 s) fits but would hold H back to 500 s: it waits.
   */
  @Test
  void a_job_started_from_the_head_in_the_same_call_counts_in_the_reservation() {
    List<QueuedJob> queue = queueOf(job(1, 2, 10), job(2, 4, 100), job(3, 2, 500));

    List<Placement> started = easy.pick(0, queue, free(0, 4), List.of(new PlannedEnd(2, 1000)));

    assertThat(Queues.describe(started)).containsExactly("1[0, 1]");
    assertThat(idsIn(queue)).containsExactly(2L, 3L);
  }

  @Test
  void the_planned_ends_sort_the_same_when_one_lies_too_far_out_for_the_packed_keys() {
    List<PlannedEnd> running = List.of(new PlannedEnd(2, Long.MAX_VALUE), new PlannedEnd(3, 70),
        new PlannedEnd(1, 40));

    assertThat(Reservation.forHead(-10, 4, 1, running, List.of()))
        .isEqualTo(new Reservation(70, 1));
    assertThat(Reservation.forHead(-10, 6, 1, running, List.of()))
        .isEqualTo(new Reservation(Long.MAX_VALUE, 1));
  }
}
