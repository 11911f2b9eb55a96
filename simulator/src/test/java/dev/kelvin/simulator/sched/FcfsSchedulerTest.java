package dev.kelvin.simulator.sched;

import static dev.kelvin.simulator.sched.Queues.free;
import static dev.kelvin.simulator.sched.Queues.idsIn;
import static dev.kelvin.simulator.sched.Queues.job;
import static dev.kelvin.simulator.sched.Queues.queueOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** First come, first served: the head blocks the queue. */
class FcfsSchedulerTest {
  private final FcfsScheduler fcfs = new FcfsScheduler();

  @Test
  void stops_at_the_first_job_that_does_not_fit_however_many_behind_it_would() {
    List<QueuedJob> queue = queueOf(job(1, 2, 100), job(2, 6, 200), job(3, 1, 10),
        job(4, 1, 10));

    List<Placement> started = fcfs.pick(0, queue, free(0, 4), List.of());

    assertThat(Queues.describe(started)).containsExactly("1[0, 1]");
    assertThat(idsIn(queue)).containsExactly(2L, 3L, 4L);
  }

  /** The input of EASY's worked example: FCFS starts none of the three jobs EASY backfills. */
  @Test
  void starts_fewer_jobs_than_easy_backfilling_on_the_same_input() {
    List<PlannedEnd> running = List.of(new PlannedEnd(4, 100), new PlannedEnd(2, 300));

    List<Placement> fcfsStarted = fcfs.pick(0, workedExampleQueue(), free(6, 10), running);
    List<Placement> easyStarted =
        new EasyBackfillScheduler().pick(0, workedExampleQueue(), free(6, 10), running);

    assertThat(fcfsStarted).isEmpty();
    assertThat(easyStarted).hasSize(3);
  }

  private static List<QueuedJob> workedExampleQueue() {
    return queueOf(job(1, 6, 200), job(2, 3, 500), job(3, 2, 80), job(4, 1, 400),
        job(5, 2, 50), job(6, 1, 1000));
  }
}
