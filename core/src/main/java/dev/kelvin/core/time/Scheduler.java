package dev.kelvin.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Runs work later on a clock: the wall clock in live mode ({@link WallClockScheduler}), a
 * virtual clock in simulation and tests ({@link VirtualScheduler}), so that callers cannot tell
 * the two apart. Every periodic job in Kelvin runs on one: control ticks, lease expiry, ack
 * time-outs, dashboard pushes, reconnect pacing.
 *
 * <p>A task that throws, even an {@link Error} from a library, is logged and a periodic task
 * goes on at its next run (a periodic task that dies silently is how a controller stops
 * deciding without anyone noticing); only a {@link VirtualMachineError} is let through.
 * Implementations are thread-safe: any thread may schedule.
 */
public interface Scheduler {
  /** The clock this scheduler keeps time with; tasks read the time from it. */
  InstantSource clock();

  /** The clock's instant now. */
  default Instant now() {
    return clock().instant();
  }

  /**
   * Runs {@code task} once, {@code delay} from now (at once for zero or a negative delay).
   *
   * @param name names the task in log lines about its failures
   */
  Task schedule(String name, Duration delay, Runnable task);

  /**
   * Runs {@code task} every {@code period} at a fixed rate, the first time {@code initialDelay}
   * from now. A run that overruns the period delays the next one; runs never overlap.
   *
   * @throws IllegalArgumentException when {@code period} is not positive
   */
  Task every(String name, Duration initialDelay, Duration period, Runnable task);

  /** Runs {@code task} as soon as a scheduler thread is free, in order with other such tasks. */
  default Task execute(String name, Runnable task) {
    return schedule(name, Duration.ZERO, task);
  }

  /** A scheduled task, which can be cancelled before (or between) its runs. */
  interface Task {
    /** Runs it no more; a run in progress finishes. Idempotent. */
    void cancel();

    boolean cancelled();
  }

  /** Checks a period: positive, with a message that names the task. */
  static Duration requirePositive(String name, Duration period) {
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(name + ": the period of a periodic task must be a"
          + " positive duration, was " + period);
    }
    return period;
  }
}
