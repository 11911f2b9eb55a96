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
 */
final class SiteQueues {
  private final List<List<QueuedJob>> queues = new ArrayList<>();
  private final Map<Long, PendingJob> waiting = new HashMap<>();
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
    List<QueuedJob> queue = queues.get(site);
    int at = queue.size();
    while (at > 0 && queue.get(at - 1).submitS() > job.submitS()) {
      at--;
    }
    queue.add(at, new QueuedJob(job.id(), job.nodes(), job.requestedS(), job.submitS()));
    waiting.put(job.id(), pending);
    changed(1);
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

  /** Moves the entries of {@code from} that need at most {@code maxNodes} to {@code to}. */
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

  private void changed(int delta) {
    queued += delta;
    length.add(time.nowS(), queued);
  }
}
