package dev.kelvin.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A task that never lets an exception escape (except a {@link VirtualMachineError}): the first
 * failure is logged at ERROR with its stack trace, later ones at most once a minute with a
 * count, so that a task failing every second cannot flood the log. Both schedulers wrap every
 * task in one.
 */
final class GuardedTask implements Runnable {
  private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());
  private static final Duration LOG_EVERY = Duration.ofMinutes(1);

  private final String name;
  private final Runnable task;
  private final InstantSource clock;
  private final AtomicLong failures = new AtomicLong();
  private volatile Instant lastLogged;

  GuardedTask(String name, Runnable task, InstantSource clock) {
    this.name = name;
    this.task = task;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      task.run();
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable e) {
      failed(e);
    }
  }

  long failures() {
    return failures.get();
  }

  private void failed(Throwable e) {
    long count = failures.incrementAndGet();
    Instant now = clock.instant();
    Instant last = lastLogged;
    if (last == null || !now.isBefore(last.plus(LOG_EVERY))) {
      lastLogged = now;
      LOG.log(System.Logger.Level.ERROR, "task '" + name + "' failed (" + count
          + (count == 1 ? " failure" : " failures") + " so far; logged at most once a minute);"
          + " later runs go ahead as planned", e);
    }
  }
}
