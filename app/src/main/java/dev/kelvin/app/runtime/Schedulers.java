package dev.kelvin.app.runtime;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.time.WallClockScheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each part of a running Kelvin gets its scheduler: in live mode a wall-clock scheduler
 * with a thread of its own per role ({@code control}, {@code telemetry}, {@code actuators},
 * {@code dashboard}...), so that a slow part cannot delay another; in virtual time the one
 * virtual scheduler for every role, so that the whole controller runs deterministically on
 * one thread. Owns the wall-clock schedulers it makes and closes them, newest first.
 */
public final class Schedulers implements AutoCloseable {
  private final VirtualScheduler virtual;
  private final Map<String, WallClockScheduler> made = new LinkedHashMap<>();

  private Schedulers(VirtualScheduler virtual) {
    this.virtual = virtual;
  }

  /** A wall-clock scheduler per role, each with one daemon thread named {@code kelvin-<role>}. */
  public static Schedulers wallClock() {
    return new Schedulers(null);
  }

  /** {@code scheduler} for every role. */
  public static Schedulers virtual(VirtualScheduler scheduler) {
    return new Schedulers(Objects.requireNonNull(scheduler, "scheduler"));
  }

  /** The scheduler of {@code role}, made on first use. */
  public synchronized Scheduler get(String role) {
    if (virtual != null) {
      return virtual;
    }
    return made.computeIfAbsent(role, name -> new WallClockScheduler("kelvin-" + name));
  }

  /** A scheduler for {@code role} with {@code threads} threads. */
  public synchronized Scheduler get(String role, int threads) {
    if (virtual != null) {
      return virtual;
    }
    return made.computeIfAbsent(role, name -> new WallClockScheduler("kelvin-" + name,
        threads));
  }

  /** Whether time is virtual. */
  public boolean isVirtual() {
    return virtual != null;
  }

  /** Closes every wall-clock scheduler made, newest first, each draining its running task. */
  @Override
  public void close() {
    List<WallClockScheduler> newestFirst;
    synchronized (this) {
      newestFirst = new ArrayList<>(made.values());
      made.clear();
    }
    java.util.Collections.reverse(newestFirst);
    newestFirst.forEach(WallClockScheduler::close);
  }
}
