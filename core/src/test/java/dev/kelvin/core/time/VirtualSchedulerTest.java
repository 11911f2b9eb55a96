package dev.kelvin.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.SchedulerContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest extends SchedulerContract {
  private static final Instant START = MutableClock.START;

  @Override
  protected Scheduler scheduler() {
    return new VirtualScheduler(START);
  }

  @Override
  protected void pass(Scheduler scheduler, Duration duration) {
    ((VirtualScheduler) scheduler).advanceBy(duration);
  }

  @Test
  void the_clock_moves_only_when_advanced() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    assertThat(scheduler.now()).isEqualTo(START);
    scheduler.advanceBy(Duration.ofHours(1));
    assertThat(scheduler.clock().instant()).isEqualTo(START.plus(Duration.ofHours(1)));
  }

  @Test
  void runs_each_task_at_exactly_its_due_time_in_time_order() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    List<String> runs = new ArrayList<>();
    scheduler.schedule("late", Duration.ofSeconds(3), () -> runs.add("late@" + offset(scheduler)));
    scheduler.schedule("early", Duration.ofSeconds(1), () -> runs.add("early@" + offset(scheduler)));
    scheduler.every("tick", Duration.ofSeconds(2), Duration.ofSeconds(2),
        () -> runs.add("tick@" + offset(scheduler)));

    scheduler.advanceBy(Duration.ofSeconds(6));

    assertThat(runs).containsExactly("early@1", "tick@2", "late@3", "tick@4", "tick@6");
    assertThat(scheduler.now()).isEqualTo(START.plusSeconds(6));
  }

  @Test
  void tasks_due_at_the_same_time_run_in_the_order_they_were_scheduled() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int index = i;
      scheduler.schedule("same", Duration.ofSeconds(1), () -> order.add(index));
    }
    scheduler.advanceBy(Duration.ofSeconds(1));
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void runs_tasks_that_running_tasks_schedule_within_the_same_advance() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    List<Long> runs = new ArrayList<>();
    scheduler.schedule("first", Duration.ofSeconds(1), () -> {
      runs.add(offset(scheduler));
      scheduler.schedule("second", Duration.ofSeconds(1), () -> runs.add(offset(scheduler)));
      scheduler.execute("now", () -> runs.add(offset(scheduler)));
    });
    scheduler.advanceBy(Duration.ofSeconds(5));
    assertThat(runs).containsExactly(1L, 1L, 2L);
  }

  @Test
  void the_same_schedule_gives_the_same_runs_every_time() {
    assertThat(trace()).isEqualTo(trace());
  }

  @Test
  void a_task_may_not_advance_its_own_scheduler() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    List<Throwable> failures = new ArrayList<>();
    scheduler.execute("nested", () -> {
      try {
        scheduler.advanceBy(Duration.ofSeconds(1));
      } catch (IllegalStateException e) {
        failures.add(e);
      }
    });
    scheduler.runDue();
    assertThat(failures).singleElement().satisfies(e ->
        assertThat(e).hasMessageContaining("must not advance the scheduler it runs on"));
  }

  @Test
  void time_never_runs_backwards() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    scheduler.advanceBy(Duration.ofSeconds(10));
    assertThatThrownBy(() -> scheduler.advanceTo(START))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only moves forward");
  }

  @Test
  void counts_pending_tasks_without_the_cancelled_ones() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    scheduler.schedule("a", Duration.ofSeconds(1), () -> { });
    scheduler.every("b", Duration.ofSeconds(1), Duration.ofSeconds(1), () -> { }).cancel();
    assertThat(scheduler.pending()).isEqualTo(1);
  }

  private static List<String> trace() {
    VirtualScheduler scheduler = new VirtualScheduler(START);
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = "t" + i;
      scheduler.every(name, Duration.ofMillis(i * 37), Duration.ofMillis(100 + i * 13),
          () -> runs.add(name + "@" + scheduler.now().toEpochMilli()));
    }
    scheduler.advanceBy(Duration.ofSeconds(3));
    return runs;
  }

  private static long offset(VirtualScheduler scheduler) {
    return Duration.between(START, scheduler.now()).toSeconds();
  }
}
