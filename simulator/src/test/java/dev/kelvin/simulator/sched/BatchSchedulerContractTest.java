package dev.kelvin.simulator.sched;

import static dev.kelvin.simulator.sched.Queues.free;
import static dev.kelvin.simulator.sched.Queues.idsIn;
import static dev.kelvin.simulator.sched.Queues.idsOf;
import static dev.kelvin.simulator.sched.Queues.job;
import static dev.kelvin.simulator.sched.Queues.queueOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every {@link BatchScheduler} does, swept over FCFS and EASY backfilling. */
class BatchSchedulerContractTest {
  static Stream<BatchScheduler> schedulers() {
    return Stream.of(new FcfsScheduler(), new EasyBackfillScheduler());
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void an_empty_queue_starts_nothing_and_leaves_the_free_nodes_alone(BatchScheduler scheduler) {
    BitSet free = free(0, 4);

    List<Placement> started = scheduler.pick(0, queueOf(), free, List.of());

    assertThat(started).isEmpty();
    assertThat(free).isEqualTo(free(0, 4));
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void with_no_node_free_nothing_starts_and_the_queue_stays_as_it_was(BatchScheduler scheduler) {
    List<QueuedJob> queue = queueOf(job(1, 1, 10), job(2, 2, 10));

    List<Placement> started = scheduler.pick(0, queue, new BitSet(),
        List.of(new PlannedEnd(4, 100)));

    assertThat(started).isEmpty();
    assertThat(idsIn(queue)).containsExactly(1L, 2L);
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void started_jobs_take_the_lowest_numbered_free_nodes_and_leave_the_queue(
      BatchScheduler scheduler) {
    BitSet free = new BitSet();
    free.set(2);
    free.set(5);
    free.set(6);
    free.set(9);
    List<QueuedJob> queue = queueOf(job(1, 2, 10), job(2, 1, 10), job(3, 3, 10));

    List<Placement> started = scheduler.pick(0, queue, free, List.of());

    assertThat(idsOf(started)).containsExactly(1L, 2L);
    assertThat(started.get(0).nodes()).containsExactly(2, 5);
    assertThat(started.get(1).nodes()).containsExactly(6);
    assertThat(free.stream().toArray()).containsExactly(9);
    assertThat(idsIn(queue)).containsExactly(3L);
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void a_whole_queue_that_fits_starts_in_submit_order(BatchScheduler scheduler) {
    List<QueuedJob> queue = queueOf(job(1, 1, 10), job(2, 2, 10), job(3, 1, 10));

    List<Placement> started = scheduler.pick(0, queue, free(0, 4), List.of());

    assertThat(idsOf(started)).containsExactly(1L, 2L, 3L);
    assertThat(queue).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void a_head_larger_than_the_free_and_running_nodes_waits_without_an_error(
      BatchScheduler scheduler) {
    List<QueuedJob> queue = queueOf(job(1, 64, 10));
    BitSet free = free(0, 4);

    List<Placement> started = scheduler.pick(0, queue, free,
        List.of(new PlannedEnd(4, 100)));

    assertThat(started).isEmpty();
    assertThat(idsIn(queue)).containsExactly(1L);
    assertThat(free).isEqualTo(free(0, 4));
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void a_job_of_no_nodes_is_refused_with_an_error_naming_the_job(BatchScheduler scheduler) {
    List<QueuedJob> queue = queueOf(job(7, 0, 10));

    assertThatThrownBy(() -> scheduler.pick(0, queue, free(0, 4), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("job 7: nodes must be >= 1");
  }

  @ParameterizedTest
  @MethodSource("schedulers")
  void the_same_state_gives_the_same_placements(BatchScheduler scheduler) {
    List<PlannedEnd> running = List.of(new PlannedEnd(3, 50), new PlannedEnd(2, 20));
    List<QueuedJob> first = queueOf(job(1, 2, 30), job(2, 5, 100), job(3, 1, 10));
    List<QueuedJob> second = queueOf(job(1, 2, 30), job(2, 5, 100), job(3, 1, 10));

    List<Placement> once = scheduler.pick(0, first, free(5, 9), running);
    List<Placement> again = scheduler.pick(0, second, free(5, 9), running);

    assertThat(Queues.describe(again)).isEqualTo(Queues.describe(once)).isNotEmpty();
    assertThat(idsIn(second)).isEqualTo(idsIn(first));
  }
}
