package dev.kelvin.core.time;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} on the system clock, with its own daemon threads named
 * {@code <name>-1}, {@code <name>-2}... (daemons never hold the JVM up). {@link #close()}
 * drains before it interrupts: it cancels what is waiting, lets a task in progress finish for
 * up to {@link #DRAIN}, and only then interrupts it.
 */
public final class WallClockScheduler implements Scheduler, AutoCloseable {
  /** How long {@link #close()} lets a running task finish before interrupting it. */
  public static final Duration DRAIN = Duration.ofSeconds(2);
  private static final System.Logger LOG = System.getLogger(WallClockScheduler.class.getName());

  private final String name;
  private final InstantSource clock;
  private final ScheduledThreadPoolExecutor executor;

  /** A scheduler with {@code threads} daemon threads named after {@code name}. */
  public WallClockScheduler(String name, int threads) {
    this(name, threads, InstantSource.system());
  }

  /**
   * A scheduler that runs tasks on real time but whose tasks read {@code clock}: for tests that
   * move the time by hand while periodic work runs on real threads.
   */
  public WallClockScheduler(String name, int threads, InstantSource clock) {
    this.clock = java.util.Objects.requireNonNull(clock, "clock");
    if (threads < 1) {
      throw new IllegalArgumentException(name + ": a scheduler needs at least one thread, was "
          + threads);
    }
    this.name = name;
    AtomicInteger count = new AtomicInteger();
    this.executor = new ScheduledThreadPoolExecutor(threads, runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
  }

  /** A scheduler with one daemon thread. */
  public WallClockScheduler(String name) {
    this(name, 1);
  }

  @Override
  public InstantSource clock() {
    return clock;
  }

  @Override
  public Task schedule(String taskName, Duration delay, Runnable task) {
    long nanos = Math.max(0, delay.toNanos());
    try {
      return wrap(executor.schedule(new GuardedTask(taskName, task, clock), nanos,
          TimeUnit.NANOSECONDS));
    } catch (RejectedExecutionException closedAlready) {
      return refused(taskName);
    }
  }

  @Override
  public Task every(String taskName, Duration initialDelay, Duration period, Runnable task) {
    Scheduler.requirePositive(taskName, period);
    try {
      return wrap(executor.scheduleAtFixedRate(new GuardedTask(taskName, task, clock),
          Math.max(0, initialDelay.toNanos()), period.toNanos(), TimeUnit.NANOSECONDS));
    } catch (RejectedExecutionException closedAlready) {
      return refused(taskName);
    }
  }

  /** Whether {@link #close()} was called. */
  public boolean closed() {
    return executor.isShutdown();
  }

  /**
   * Cancels waiting tasks, lets a running one finish for up to {@link #DRAIN}, then interrupts
   * it. Idempotent.
   */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "a task of " + name + " was still running "
            + DRAIN.toSeconds() + " s after close; interrupting it");
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** A task offered after {@link #close()}: never runs, and says so at debug level. */
  private Task refused(String taskName) {
    LOG.log(System.Logger.Level.DEBUG, "task '" + taskName + "' not scheduled: " + name
        + " is closed");
    return new Task() {
      @Override
      public void cancel() {
        // Never scheduled.
      }

      @Override
      public boolean cancelled() {
        return true;
      }
    };
  }

  private static Task wrap(ScheduledFuture<?> future) {
    return new Task() {
      @Override
      public void cancel() {
        future.cancel(false);
      }

      @Override
      public boolean cancelled() {
        return future.isCancelled();
      }
    };
  }
}
