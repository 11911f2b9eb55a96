package dev.kelvin.telemetry;

import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.backlog.IngestBacklog;
import dev.kelvin.core.backlog.IngestMonitor;
import dev.kelvin.core.backlog.IngestQueue;
import dev.kelvin.core.backlog.ShedReason;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.validation.WireText;
import dev.kelvin.mqtt.Acknowledgement;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.IngestResult;
import dev.kelvin.telemetry.store.StoreProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes telemetry off the transport's delivery thread: {@link #received} only queues the raw
 * message under its topic (one topic per node) with its receive time, so the broker's delivery
 * never waits on decoding; a task on the scheduler applies the queue in batches through the
 * {@link IngestPipeline}, oldest first. When the queue is long, a node's newer message takes the
 * place of its waiting one (see {@link IngestQueue}): the node's newest reading is never shed and
 * its readings stay in order. Only a node's own telemetry topic coalesces so: a message on any
 * other topic (a site batch, Telegraf, Sparkplug, a facility sensor) carries readings no later
 * message repeats, so it keeps its place and is shed only when the queue is full. Each reading is applied with its own receive time, so waiting
 * here never makes it late. Sheds are counted by reason and logged at most once per period.
 */
public final class IngestWorker {
  /** Messages applied per task run; the scheduler's other tasks run between batches. */
  static final int BATCH = 256;
  private static final Logger LOG = LoggerFactory.getLogger(IngestWorker.class);

  /** One raw message as received, with what acknowledges it once safe (null: nothing). */
  record Received(String topic, byte[] payload, SafeAcks.Pending pending) { }

  private final IngestPipeline pipeline;
  private final Scheduler scheduler;
  private final IngestQueue<Received> queue;
  private final IngestMonitor monitor;
  private final PerKeyThrottle shedLog;
  private final Duration logPeriod;
  private final SafeAcks acks;
  /** Numbers messages that carry many readings, so that none takes another's place. */
  private final AtomicLong uncoalesced = new AtomicLong();
  private boolean draining;

  /** A worker whose pipeline feeds no store: a message is acknowledged once applied. */
  public IngestWorker(IngestPipeline pipeline, BacklogSettings settings, Duration staleAfter,
      int maxNodes, Scheduler scheduler, Duration logPeriod) {
    this(pipeline, settings, staleAfter, maxNodes, scheduler, logPeriod, StoreProgress.NONE);
  }

  /**
   * @param staleAfter the state's stale limit: a node none of whose readings arrived for
   *     longer is silent through its own fault
   * @param maxNodes the most nodes whose arrivals are remembered (the state's bound)
   * @param store the store the pipeline's sink feeds: a message is acknowledged once what it
   *     gave the store is safe there
   */
  public IngestWorker(IngestPipeline pipeline, BacklogSettings settings, Duration staleAfter,
      int maxNodes, Scheduler scheduler, Duration logPeriod, StoreProgress store) {
    this.acks = new SafeAcks(store);
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.logPeriod = Objects.requireNonNull(logPeriod, "logPeriod");
    this.queue = new IngestQueue<>(settings);
    this.monitor = new IngestMonitor(settings, queue, staleAfter, maxNodes);
    this.shedLog = new PerKeyThrottle(logPeriod, scheduler.clock(), ShedReason.values().length);
  }

  /** Queues a message received at {@code receivedAt}; never blocks on ingestion. */
  public void received(String topic, byte[] payload, Instant receivedAt) {
    received(topic, payload, receivedAt, Acknowledgement.NONE);
  }

  /**
   * Queues a message received at {@code receivedAt}, acknowledged by {@code ack} once it is
   * safe: applied, and its points safe in the store; or shed. Never blocks on ingestion.
   */
  public void received(String topic, byte[] payload, Instant receivedAt, Acknowledgement ack) {
    String shown = String.valueOf(topic);
    String key = pipeline.nodeOf(shown).isPresent() ? shown
        : shown + "#" + uncoalesced.incrementAndGet();
    IngestQueue.Offer offer = queue.offer(key, new Received(shown, payload, acks.arrived(ack)),
        receivedAt, dropped -> acks.shed(dropped.pending()));
    if (offer != IngestQueue.Offer.QUEUED) {
      logShed(offer == IngestQueue.Offer.SHED ? ShedReason.QUEUE_FULL : ShedReason.SUPERSEDED,
          shown);
      acks.release();
    }
    synchronized (this) {
      if (draining) {
        return;
      }
      draining = true;
    }
    scheduler.execute("apply telemetry", this::drain);
  }

  /** The backlog's figures and the blindness rule, for the loop, health and metrics. */
  public IngestMonitor monitor() {
    return monitor;
  }

  /** The backlog now, by the scheduler's clock. */
  public IngestBacklog backlog() {
    return monitor.backlog(scheduler.now());
  }

  /** Why the controller is blind now, if it is. */
  public Optional<String> blind() {
    return monitor.blind(scheduler.now());
  }

  /** Readings shed for {@code reason} so far. */
  public long shed(ShedReason reason) {
    return queue.shed(reason);
  }

  /** Messages received and not yet acknowledged to the broker. */
  public int unacknowledged() {
    return acks.waiting();
  }

  /** The most readings that ever waited at once. */
  public int peakReadings() {
    return queue.peak();
  }

  private void drain() {
    for (int i = 0; i < BATCH; i++) {
      Optional<IngestQueue.Entry<Received>> next = queue.poll();
      if (next.isEmpty()) {
        synchronized (this) {
          if (queue.size() == 0) {
            draining = false;
            return;
          }
        }
        continue;
      }
      apply(next.get());
    }
    scheduler.execute("apply telemetry", this::drain);
  }

  private void apply(IngestQueue.Entry<Received> entry) {
    try {
      for (IngestResult result : pipeline.ingest(entry.item().topic(), entry.item().payload(),
          entry.receivedAt())) {
        if (result instanceof IngestResult.Kept kept) {
          monitor.arrived(kept.reading().node(), kept.reading().at(), entry.receivedAt());
        }
      }
    } catch (RuntimeException bug) {
      LOG.error("Telemetry on {} could not be ingested; ingestion goes on",
          WireText.shown(entry.key()), bug);
    } finally {
      acks.applied(entry.item().pending());
    }
  }

  private void logShed(ShedReason reason, String topic) {
    if (shedLog.allow(reason.label())) {
      LOG.warn("Ingest backlog: shed a reading on {} as {} ({} reading(s) waiting, the oldest"
          + " for {} ms); each node's newest reading is kept; further sheds are counted, logged"
          + " at most once per {}", WireText.shown(topic), reason.label(), queue.size(),
          queue.oldestAge(scheduler.now()).toMillis(), logPeriod);
    }
  }
}
