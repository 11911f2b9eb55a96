package dev.kelvin.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on a virtual clock that moves only when told to: {@link #advanceTo} runs,
 * on the calling thread, every task due up to an instant, in the order of their due times and,
 * at equal times, in the order they were scheduled; the clock reads each task's due time while
 * it runs. Nothing depends on the machine's speed or on thread timing, so the same calls give
 * the same runs every time: a simulated hour takes as long as its tasks take to compute.
 *
 * <p>Any thread may schedule; only one thread at a time may advance, and a task must not
 * advance the scheduler it runs on.
 */
public final class VirtualScheduler implements Scheduler {
  private final Object lock = new Object();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private volatile Instant now;
  private long sequence;
  private boolean advancing;

  public VirtualScheduler(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  @Override
  public InstantSource clock() {
    return () -> now;
  }

  @Override
  public Instant now() {
    return now;
  }

  @Override
  public Task schedule(String name, Duration delay, Runnable task) {
    return enqueue(name, delay, null, task);
  }

  @Override
  public Task every(String name, Duration initialDelay, Duration period, Runnable task) {
    return enqueue(name, initialDelay, Scheduler.requirePositive(name, period), task);
  }

  /** Runs every task due within {@code duration} from now, then sets the clock to that time. */
  public Instant advanceBy(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("virtual time only moves forward; cannot advance by "
          + duration);
    }
    return advanceTo(now.plus(duration));
  }

  /**
   * Runs every task due at or before {@code until} (tasks they schedule within that time
   * included), then sets the clock to {@code until}.
   *
   * @throws IllegalStateException when called from a task, or while another thread advances
   */
  public Instant advanceTo(Instant until) {
    startAdvancing(until);
    try {
      for (Entry next = pollDue(until); next != null; next = pollDue(until)) {
        now = next.due;
        next.guarded.run();
        requeueIfPeriodic(next);
      }
      now = until;
      return until;
    } finally {
      synchronized (lock) {
        advancing = false;
      }
    }
  }

  /** Runs the tasks due now, such as those handed over with {@link #execute}. */
  public void runDue() {
    advanceTo(now);
  }

  /** Tasks waiting to run (periodic ones count once). */
  public int pending() {
    synchronized (lock) {
      return (int) queue.stream().filter(entry -> !entry.cancelled()).count();
    }
  }

  private Task enqueue(String name, Duration delay, Duration period, Runnable task) {
    Objects.requireNonNull(task, "task");
    Instant due = now.plus(delay.isNegative() ? Duration.ZERO : delay);
    synchronized (lock) {
      Entry entry = new Entry(due, sequence++, period, new GuardedTask(name, task, clock()));
      queue.add(entry);
      return entry;
    }
  }

  private void startAdvancing(Instant until) {
    synchronized (lock) {
      if (advancing) {
        throw new IllegalStateException("the virtual scheduler is already advancing: a task"
            + " must not advance the scheduler it runs on, nor may two threads advance it");
      }
      if (until.isBefore(now)) {
        throw new IllegalArgumentException("virtual time only moves forward: now is " + now
            + ", asked for " + until);
      }
      advancing = true;
    }
  }

  private Entry pollDue(Instant until) {
    synchronized (lock) {
      while (!queue.isEmpty() && queue.peek().cancelled()) {
        queue.poll();
      }
      Entry head = queue.peek();
      return head == null || head.due.isAfter(until) ? null : queue.poll();
    }
  }

  private void requeueIfPeriodic(Entry ran) {
    if (ran.period == null) {
      return;
    }
    synchronized (lock) {
      if (!ran.cancelled()) {
        queue.add(new Entry(ran.due.plus(ran.period), sequence++, ran.period, ran.guarded, ran));
      }
    }
  }

  /** One queued run; periodic tasks requeue a new entry that shares the original's handle. */
  private static final class Entry implements Comparable<Entry>, Task {
    final Instant due;
    final long seq;
    final Duration period;
    final GuardedTask guarded;
    private final Entry handle;
    /** Read and written on the handle only. */
    private volatile boolean cancelled;

    Entry(Instant due, long seq, Duration period, GuardedTask guarded) {
      this(due, seq, period, guarded, null);
    }

    Entry(Instant due, long seq, Duration period, GuardedTask guarded, Entry previous) {
      this.due = due;
      this.seq = seq;
      this.period = period;
      this.guarded = guarded;
      this.handle = previous == null ? this : previous.handle;
    }

    /** Cancels every run: the handle is shared by all the entries of a periodic task. */
    @Override
    public void cancel() {
      handle.cancelled = true;
    }

    @Override
    public boolean cancelled() {
      return handle.cancelled;
    }

    @Override
    public int compareTo(Entry other) {
      int byTime = due.compareTo(other.due);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }
}
