package dev.kelvin.telemetry.store;

import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.telemetry.store.spool.DiskSpool;
import dev.kelvin.telemetry.store.spool.Spool;
import dev.kelvin.telemetry.store.spool.SpoolStats;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every reading and action in InfluxDB without slowing ingestion down: {@link #accept}
 * turns a reading into line protocol ({@link LinePoints}) and adds it to the batch being
 * filled, and the store's own thread writes each batch once it is full or due
 * ({@link InfluxSettings#batchPoints()}, {@link InfluxSettings#flushInterval()}). What
 * InfluxDB does not take goes to the {@link Spool} and is replayed in order
 * ({@link SpoolingWriter}). No method throws for a database or spool problem: points that can
 * be kept nowhere are counted as lost, never silently ({@link #stats()}).
 *
 * <p>{@link #accept} takes a lock only to append to the batch; when the writer falls behind
 * (InfluxDB slow) and {@link InfluxSettings#queueBatches()} full batches wait, the next full
 * one goes straight to the spool from the ingesting thread. Thread-safe. {@link #close()}
 * writes or spools what it holds, then closes the writer and the spool.
 */
public final class InfluxStore implements ReadingSink, StoreProgress, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InfluxStore.class);
  private static final PointBatch WAKE = new PointBatch("", 0);
  private static final ThreadLocal<StringBuilder> LINES =
      ThreadLocal.withInitial(() -> new StringBuilder(512));

  private final InfluxSettings settings;
  private final LineWriter writer;
  private final Spool spool;
  private final LongSupplier nanos;
  private final StoreCounters counters = new StoreCounters();
  private final Batcher batcher;
  private final BlockingQueue<PointBatch> pending;
  private final SpoolingWriter delivery;
  private final PerKeyThrottle lostLog;
  private final Thread thread;
  private volatile boolean closing;
  /** What the spool said last: kept when it cannot answer (closed, or its disk failing). */
  private volatile SpoolStats lastSpool;
  private volatile boolean spoolClosed;
  private final SafeMark safeMark = new SafeMark();

  /** A store writing through {@code writer}; {@link #start()} starts its thread. */
  InfluxStore(InfluxSettings settings, LineWriter writer, Spool spool, InstantSource clock,
      LongSupplier nanos) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.spool = Objects.requireNonNull(spool, "spool");
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    this.batcher = new Batcher(settings.batchPoints(), settings.flushInterval().toNanos());
    this.pending = new ArrayBlockingQueue<>(settings.queueBatches());
    this.delivery = new SpoolingWriter(writer, spool, new Backoff(settings.retryMin().toNanos(),
        settings.retryMax().toNanos()), counters, nanos, clock);
    this.lostLog = new PerKeyThrottle(Duration.ofMinutes(1), clock, 16);
    this.lastSpool = new SpoolStats(0, 0, settings.spoolLimitBytes(), 0, 0, 0);
    this.thread = new Thread(this::run, "kelvin-influx-store");
    thread.setDaemon(true);
  }

  /**
   * Opens the store on InfluxDB as {@code settings} say, with the disk spool in
   * {@link InfluxSettings#spoolDir()} (replaying what an earlier run left there first), and
   * starts its thread. Connects lazily: InfluxDB need not be up.
   *
   * @throws dev.kelvin.telemetry.store.spool.SpoolException when the spool's folder cannot be
   *     opened (not writable, or another process has it open)
   */
  public static InfluxStore open(InfluxSettings settings, InstantSource clock) {
    return start(settings, DiskSpool.open(settings.spoolSettings()), clock);
  }

  /**
   * Opens the store on InfluxDB as {@code settings} say, spooling into {@code spool}, and
   * starts its thread. Connects lazily: InfluxDB need not be up.
   */
  public static InfluxStore start(InfluxSettings settings, Spool spool, InstantSource clock) {
    return start(settings, new InfluxLineWriter(settings), spool, clock);
  }

  /** The same, writing through {@code writer} (a test's fake, say). */
  public static InfluxStore start(InfluxSettings settings, LineWriter writer, Spool spool,
      InstantSource clock) {
    InfluxStore store = new InfluxStore(settings, writer, spool, clock, System::nanoTime);
    store.thread.start();
    return store;
  }

  @Override
  public void accept(NodeReading reading, Instant receivedAt) {
    add(reading, LinePoints::appendNode);
  }

  @Override
  public void acceptFacility(FacilityReading reading, Instant receivedAt) {
    add(reading, LinePoints::appendFacility);
  }

  @Override
  public void acceptAvailability(NodeAvailability changed) {
    add(changed, LinePoints::appendNodeState);
  }

  /** Stores one audit event (an action at one stage, with its result once carried out). */
  public void recordAction(AuditEvent event) {
    add(event, LinePoints::appendAction);
  }

  @Override
  public long taken() {
    return batcher.taken();
  }

  @Override
  public long safe() {
    return safeMark.safe();
  }

  @Override
  public void onSafe(Runnable listener) {
    safeMark.onAdvance(listener);
  }

  /** Counts and state now; cheap enough for every scrape. */
  public StoreStats stats() {
    return new StoreStats(counters.written.sum(), counters.batches.sum(),
        counters.spooled.sum(), counters.replayed.sum(), delivery.replayPointsPerSecond(),
        counters.failures.sum(), delivery.latency().quantile(0.5),
        delivery.latency().quantile(0.99), counters.lostByReason(),
        counters.refusedByReason(), delivery.answering(), delivery.alarm(), spoolStats());
  }

  private SpoolStats spoolStats() {
    if (!spoolClosed) {
      try {
        lastSpool = spool.stats();
      } catch (RuntimeException unanswered) {
        // the alarm and the log say the spool fails; the figures stay the last it gave
      }
    }
    return lastSpool;
  }

  public InfluxSettings settings() {
    return settings;
  }

  /** Writes or spools everything held, stops the thread, closes the writer and the spool. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    if (thread.getState() == Thread.State.NEW) {
      finish();
    } else {
      pending.offer(WAKE);
      joinThread();
    }
    writer.close();
    spoolStats();
    spoolClosed = true;
    spool.close();
  }

  /** One turn of the store's thread, waiting at most {@code maxWaitNanos} for work. */
  void runOnce(long maxWaitNanos) throws InterruptedException {
    long wait = Math.min(maxWaitNanos, Math.min(batcher.nanosUntilDue(nanos.getAsLong()),
        delivery.nanosUntilReplay()));
    PointBatch first = wait > 0 ? pending.poll(wait, TimeUnit.NANOSECONDS) : pending.poll();
    List<PointBatch> batches = new ArrayList<>();
    if (first != null) {
      batches.add(first);
      pending.drainTo(batches);
    }
    PointBatch due = batcher.sealIfDue(nanos.getAsLong());
    if (due != null) {
      batches.add(due);
    }
    for (PointBatch batch : batches) {
      if (batch != WAKE) {
        deliver(batch, false);
      }
    }
    delivery.replayOne();
  }

  /**
   * Formats {@code item} and adds it to the batch being filled; a batch it fills is queued for
   * the store's thread under the batcher's lock (so that {@link #finish} misses none), or
   * spooled from this thread when the queue is full.
   */
  private <T> void add(T item, BiFunction<StringBuilder, T, Integer> format) {
    try {
      StringBuilder lines = LINES.get();
      lines.setLength(0);
      int points = format.apply(lines, item);
      PointBatch overflow = null;
      synchronized (batcher) {
        PointBatch full = batcher.add(lines, points, nanos.getAsLong());
        if (full == Batcher.CLOSED) {
          lost("closed", points, "the store is closed");
        } else if (full != null && !pending.offer(full)) {
          overflow = full;
        }
      }
      if (overflow != null) {
        deliver(overflow, true);
      }
    } catch (RuntimeException bug) {
      lost("internal_error", 1, "storing it failed (a Kelvin bug, please report it): " + bug);
    }
  }

  /**
   * Writes or spools {@code batch} ({@code overflow}: spools it, from the ingesting thread), then
   * marks its points safe. A bug on the way counts them as lost, so that what waits on them
   * (the broker's acknowledgements) never waits for ever.
   */
  private void deliver(PointBatch batch, boolean overflow) {
    try {
      if (overflow) {
        delivery.overflow(batch);
      } else {
        delivery.deliver(batch);
      }
    } catch (RuntimeException bug) {
      lost("internal_error", batch.points(), "delivering a batch failed (a Kelvin bug, please"
          + " report it): " + bug);
    } finally {
      safeMark.add(batch);
    }
  }

  private void lost(String reason, int points, String why) {
    counters.lost(reason, points);
    if (lostLog.allow(reason)) {
      log.error("{} points not stored in InfluxDB: {} (counted as lost, {}; logged at most once"
          + " a minute)", points, why, reason);
    }
  }

  private void run() {
    try {
      while (!closing) {
        turn();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } finally {
      finish();
    }
  }

  /** One turn; a bug in it is logged (once a minute) and the thread goes on after a pause. */
  private void turn() throws InterruptedException {
    try {
      runOnce(Long.MAX_VALUE);
    } catch (RuntimeException bug) {
      if (lostLog.allow("thread")) {
        log.error("The InfluxDB store's thread failed (a Kelvin bug, please report it); it"
            + " goes on in {} ms (logged at most once a minute)",
            settings.retryMin().toMillis(), bug);
      }
      Thread.sleep(settings.retryMin().toMillis());
    }
  }

  /** Delivers what waits and what is being filled: written, or spooled while InfluxDB fails. */
  private void finish() {
    List<PointBatch> rest = new ArrayList<>();
    synchronized (batcher) {
      pending.drainTo(rest);
      PointBatch filling = batcher.close();
      if (filling != null) {
        rest.add(filling);
      }
    }
    for (PointBatch batch : rest) {
      if (batch != WAKE) {
        deliver(batch, false);
      }
    }
    drainSpool();
  }

  /**
   * On the way out, replays what the spool holds while InfluxDB takes it (the first try
   * whatever the backoff), for at most one connect and read timeout; what is left stays
   * spooled for the next start.
   */
  private void drainSpool() {
    long deadline = nanos.getAsLong()
        + settings.connectTimeout().plus(settings.readTimeout()).toNanos();
    while (nanos.getAsLong() < deadline && delivery.replayNow()) {
      // one spooled record written each turn, oldest first
    }
  }

  private void joinThread() {
    Duration limit = settings.readTimeout().plus(settings.connectTimeout()).multipliedBy(2);
    try {
      thread.join(limit.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      log.warn("The InfluxDB store's thread did not finish within {} ms of close",
          limit.toMillis());
    }
  }
}
