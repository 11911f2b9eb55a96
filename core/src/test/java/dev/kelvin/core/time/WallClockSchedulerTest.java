package dev.kelvin.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.SchedulerContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WallClockSchedulerTest extends SchedulerContract {
  private final List<WallClockScheduler> made = new ArrayList<>();

  @Override
  protected Scheduler scheduler() {
    WallClockScheduler scheduler = new WallClockScheduler("test-scheduler");
    made.add(scheduler);
    return scheduler;
  }

  @Override
  protected void pass(Scheduler scheduler, Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterEach
  void closeSchedulers() {
    made.forEach(WallClockScheduler::close);
  }

  @Test
  void close_lets_a_running_task_finish_before_it_interrupts() throws Exception {
    WallClockScheduler scheduler = new WallClockScheduler("test-drain");
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean finished = new AtomicBoolean();
    AtomicBoolean interrupted = new AtomicBoolean();
    scheduler.execute("slow", () -> {
      started.countDown();
      try {
        Thread.sleep(300);
        finished.set(true);
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
    });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    scheduler.close();

    assertThat(finished).as("the task in progress ran to its end").isTrue();
    assertThat(interrupted).isFalse();
  }

  @Test
  void close_cancels_waiting_tasks_and_refuses_new_ones() {
    WallClockScheduler scheduler = new WallClockScheduler("test-close");
    AtomicInteger runs = new AtomicInteger();
    scheduler.schedule("later", Duration.ofMillis(100), runs::incrementAndGet);
    scheduler.close();
    Scheduler.Task refused = scheduler.schedule("after close", Duration.ZERO,
        runs::incrementAndGet);

    await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
        .until(() -> runs.get() == 0);
    assertThat(refused.cancelled()).isTrue();
    assertThat(scheduler.closed()).isTrue();
  }

  @Test
  void its_threads_are_daemons_named_after_it() throws Exception {
    WallClockScheduler scheduler = new WallClockScheduler("test-named");
    made.add(scheduler);
    List<Thread> seen = new ArrayList<>();
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.execute("who", () -> {
      seen.add(Thread.currentThread());
      ran.countDown();
    });
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).singleElement().satisfies(thread -> {
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread.getName()).startsWith("test-named-");
    });
  }
}
