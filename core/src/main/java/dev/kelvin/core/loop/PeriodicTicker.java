package dev.kelvin.core.loop;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Drives a task from real time: calls it with the clock's instant every {@code period} on one
 * daemon thread. A task that throws, even an {@link Error} from a library, is logged and the
 * schedule goes on (a scheduled task that throws is never run again, which for the control
 * loop would mean a silent stop); only a {@link VirtualMachineError} ends it. Simulation does
 * not use this; it ticks in virtual time.
 */
public final class PeriodicTicker implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PeriodicTicker.class.getName());

  private final ScheduledExecutorService scheduler;

  /** Starts ticking {@code task} at once and then every {@code period}. */
  public PeriodicTicker(String name, Duration period, InstantSource clock,
      Consumer<java.time.Instant> task) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(name + " period must be positive, was " + period);
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleAtFixedRate(() -> {
      try {
        task.accept(clock.instant());
      } catch (VirtualMachineError fatal) {
        throw fatal;
      } catch (Throwable e) {
        LOG.log(System.Logger.Level.ERROR, name + " tick failed; the next one will run", e);
      }
    }, 0, period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Stops ticking and waits up to two seconds for a running tick to end. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
