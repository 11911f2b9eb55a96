package dev.kelvin.simulator.engine;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The run's virtual time: core's {@link VirtualScheduler}, the same the control loop, leases
 * and guard read, with times as seconds from the run's start. A task that throws stops the
 * run: the first failure is kept and {@link #rethrow()} raises it, so a run never goes on past
 * a broken event to a report that looks complete.
 */
final class SimTime {
  private static final double NANOS_PER_SECOND = 1e9;

  private final VirtualScheduler scheduler;
  private final Instant start;
  private RuntimeException failure;
  private boolean stopped;
  private long events;

  SimTime(Instant start) {
    this.start = start;
    this.scheduler = new VirtualScheduler(start);
  }

  VirtualScheduler scheduler() {
    return scheduler;
  }

  Instant start() {
    return start;
  }

  /** Seconds since the run's start. */
  double nowS() {
    return toSeconds(scheduler.now());
  }

  double toSeconds(Instant at) {
    Duration since = Duration.between(start, at);
    return since.getSeconds() + since.getNano() / NANOS_PER_SECOND;
  }

  Instant instantAt(double seconds) {
    return start.plusNanos(Math.round(seconds * NANOS_PER_SECOND));
  }

  /** Runs {@code task} at {@code timeS} seconds from the start (at once if that is past). */
  Scheduler.Task at(String name, double timeS, Runnable task) {
    Duration delay = Duration.between(scheduler.now(), instantAt(timeS));
    return scheduler.schedule(name, delay, guarded(name, task));
  }

  /** Runs {@code task} at this instant, after the tasks already due now. */
  Scheduler.Task soon(String name, Runnable task) {
    return scheduler.execute(name, guarded(name, task));
  }

  /** Runs {@code task} every {@code period}, first one period from now. */
  Scheduler.Task every(String name, Duration period, Runnable task) {
    return scheduler.every(name, period, period, guarded(name, task));
  }

  /** Throws the first failure of a task, if one failed. */
  void rethrow() {
    if (failure != null) {
      throw failure;
    }
  }

  /** Ends the run: no task runs after this. */
  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }

  /** Tasks run so far. */
  long events() {
    return events;
  }

  Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  private Runnable guarded(String name, Runnable task) {
    return () -> {
      if (failure != null || stopped) {
        return;
      }
      events++;
      try {
        task.run();
      } catch (RuntimeException e) {
        failure = new SimulationException("the simulation stopped at " + scheduler.now()
            + " in task '" + name + "': " + e.getMessage(), e);
      }
    };
  }
}
