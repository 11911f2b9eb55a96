package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.report.Series;
import dev.kelvin.simulator.sched.QueuedJob;
import dev.kelvin.simulator.trace.TraceJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each site's batch queue in submit order, the waiting jobs behind its entries, and the queue
 * length over time. A job queued again after an interruption goes back to its submit order.
 * A held job ({@code HoldJob}) leaves its queue's list, so the batch scheduler never sees it,
 * and goes back in its submit order when released; it still counts as queued.
 */
final class SiteQueues {
  private final List<List<QueuedJob>> queues = new ArrayList<>();
  private final Map<Long, PendingJob> waiting = new HashMap<>();
  private final Map<Long, Held> held = new HashMap<>();
  private final Series.Builder length = new Series.Builder("queued jobs", "jobs");
  private final SimTime time;
  private int queued;

  SiteQueues(int sites, SimTime time) {
    this.time = time;
    for (int s = 0; s < sites; s++) {
      queues.add(new ArrayList<>());
    }
    length.add(0, 0);
  }

  void add(int site, PendingJob pending) {
    TraceJob job = pending.trace();
    insert(site, new QueuedJob(job.id(), job.nodes(), job.requestedS(), job.submitS()));
    waiting.put(job.id(), pending);
    changed(1);
  }

  private void insert(int site, QueuedJob entry) {
    List<QueuedJob> queue = queues.get(site);
    int at = queue.size();
    while (at > 0 && queue.get(at - 1).submitS() > entry.submitS()) {
      at--;
    }
    queue.add(at, entry);
  }

  /**
   * Holds the queued job {@code id} until {@code untilS} (a held one gets the new time).
   *
   * @return whether it was queued or held
   */
  boolean hold(long id, double untilS) {
    Held already = held.get(id);
    if (already != null) {
      held.put(id, new Held(already.site(), already.entry(), untilS));
      return true;
    }
    for (int s = 0; s < queues.size(); s++) {
      for (QueuedJob entry : queues.get(s)) {
        if (entry.id() == id) {
          queues.get(s).remove(entry);
          held.put(id, new Held(s, entry, untilS));
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Puts the held job {@code id} back in its queue when its hold ends by {@code nowS}, or at
   * once with {@code nowS} infinite (a release).
   *
   * @return whether it went back
   */
  boolean release(long id, double nowS) {
    Held entry = held.get(id);
    if (entry == null || entry.untilS() > nowS) {
      return false;
    }
    held.remove(id);
    insert(entry.site(), entry.entry());
    return true;
  }

  /** The held jobs of {@code site} and until when, in seconds from the run's start. */
  Map<QueuedJob, Double> held(int site) {
    Map<QueuedJob, Double> of = new HashMap<>();
    for (Held entry : held.values()) {
      if (entry.site() == site) {
        of.put(entry.entry(), entry.untilS());
      }
    }
    return of;
  }

  /** The queue of {@code site}, which the batch scheduler takes started jobs from. */
  List<QueuedJob> of(int site) {
    return queues.get(site);
  }

  /** The waiting job behind a started entry; the count follows. */
  PendingJob started(long id) {
    changed(-1);
    return waiting.remove(id);
  }

  /**
   * Moves the entries of {@code from} that need at most {@code maxNodes} to {@code to}; held
   * ones stay at {@code from} until they are released.
   */
  int move(int from, int to, int maxNodes) {
    int moved = 0;
    List<QueuedJob> queue = queues.get(from);
    for (QueuedJob entry : List.copyOf(queue)) {
      if (entry.nodes() <= maxNodes) {
        queue.remove(entry);
        changed(-1);
        add(to, waiting.remove(entry.id()));
        moved++;
      }
    }
    return moved;
  }

  int size() {
    return queued;
  }

  /** Records the length now, once the batch scheduler has taken what it started. */
  void record() {
    length.add(time.nowS(), queued);
  }

  Series length() {
    return length.build();
  }

  private record Held(int site, QueuedJob entry, double untilS) {}

  private void changed(int delta) {
    queued += delta;
    length.add(time.nowS(), queued);
  }
}
