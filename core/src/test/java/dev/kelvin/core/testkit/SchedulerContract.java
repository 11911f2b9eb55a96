package dev.kelvin.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Scheduler} keeps, wall-clock or virtual. Extend it with a fresh
 * scheduler and a way to let time pass on it; the assertions hold for both (the virtual
 * scheduler's exact timing has tests of its own).
 */
public abstract class SchedulerContract {
  /** A fresh scheduler. */
  protected abstract Scheduler scheduler();

  /** Lets {@code duration} pass on {@code scheduler}'s clock, running what falls due. */
  protected abstract void pass(Scheduler scheduler, Duration duration);

  @Test
  void runs_a_task_once_after_its_delay() {
    Scheduler scheduler = scheduler();
    AtomicInteger runs = new AtomicInteger();
    scheduler.schedule("once", Duration.ofMillis(50), runs::incrementAndGet);

    pass(scheduler, Duration.ofMillis(10));
    assertThat(runs).as("not before its delay").hasValue(0);
    pass(scheduler, Duration.ofMillis(300));
    assertThat(runs).hasValue(1);
  }

  @Test
  void runs_a_periodic_task_again_and_again() {
    Scheduler scheduler = scheduler();
    AtomicInteger runs = new AtomicInteger();
    scheduler.every("tick", Duration.ZERO, Duration.ofMillis(20), runs::incrementAndGet);

    pass(scheduler, Duration.ofMillis(300));
    assertThat(runs.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void a_periodic_task_goes_on_after_it_throws_an_exception_or_an_error() {
    Scheduler scheduler = scheduler();
    AtomicInteger runs = new AtomicInteger();
    scheduler.every("flaky", Duration.ZERO, Duration.ofMillis(10), () -> {
      int run = runs.incrementAndGet();
      if (run == 1) {
        throw new IllegalStateException("a bad tick");
      }
      if (run == 2) {
        throw new AssertionError("a library's Error");
      }
    });

    pass(scheduler, Duration.ofMillis(300));
    assertThat(runs.get()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void a_cancelled_task_runs_no_more() {
    Scheduler scheduler = scheduler();
    AtomicInteger once = new AtomicInteger();
    AtomicInteger periodic = new AtomicInteger();
    Scheduler.Task single = scheduler.schedule("once", Duration.ofMillis(100),
        once::incrementAndGet);
    Scheduler.Task repeating = scheduler.every("tick", Duration.ZERO, Duration.ofMillis(10),
        periodic::incrementAndGet);
    single.cancel();
    pass(scheduler, Duration.ofMillis(60));
    repeating.cancel();
    int runsAtCancel = periodic.get();

    pass(scheduler, Duration.ofMillis(200));
    assertThat(once).hasValue(0);
    assertThat(single.cancelled()).isTrue();
    assertThat(repeating.cancelled()).isTrue();
    assertThat(periodic.get()).isBetween(runsAtCancel, runsAtCancel + 1);
  }

  @Test
  void tasks_handed_over_run_in_the_order_they_were_given() {
    Scheduler scheduler = scheduler();
    List<Integer> order = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 20; i++) {
      int index = i;
      scheduler.execute("step", () -> order.add(index));
    }
    pass(scheduler, Duration.ofMillis(200));
    assertThat(order).hasSize(20).isSorted();
  }

  @Test
  void a_task_reads_the_scheduler_clock_at_or_after_its_due_time() {
    Scheduler scheduler = scheduler();
    Instant scheduledAt = scheduler.now();
    List<Instant> seen = new CopyOnWriteArrayList<>();
    scheduler.schedule("read clock", Duration.ofMillis(30), () -> seen.add(scheduler.now()));
    pass(scheduler, Duration.ofMillis(300));
    assertThat(seen).singleElement()
        .satisfies(at -> assertThat(at).isAfterOrEqualTo(scheduledAt.plusMillis(30)));
  }

  @Test
  void refuses_a_periodic_task_without_a_positive_period() {
    Scheduler scheduler = scheduler();
    assertThatThrownBy(() -> scheduler.every("bad", Duration.ZERO, Duration.ZERO, () -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad")
        .hasMessageContaining("positive");
  }
}
