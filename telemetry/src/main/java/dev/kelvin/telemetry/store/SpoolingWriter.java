package dev.kelvin.telemetry.store;

import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.telemetry.store.spool.Spool;
import dev.kelvin.telemetry.store.spool.SpoolFullException;
import dev.kelvin.telemetry.store.spool.SpooledRecord;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets sealed batches into InfluxDB without losing one: a batch is written, or (InfluxDB not
 * answering, or the spool already holding older batches) appended to the spool as one record;
 * the spool is replayed in order (peek, write, release) once InfluxDB answers, with
 * {@link Backoff} between failed tries. Points InfluxDB refuses for good (400) are counted by
 * reason and never block the spool. A batch the spool refuses (full, or failing) is written
 * straight away when InfluxDB may answer; otherwise its points are counted as lost and the
 * alarm is raised, logged once per transition, until the spool is no longer full. {@link #deliver} and {@link #replayOne} run on
 * the store's thread; {@link #overflow} on any thread.
 */
final class SpoolingWriter {
  private static final Logger log = LoggerFactory.getLogger(SpoolingWriter.class);
  private static final Duration LOG_PERIOD = Duration.ofMinutes(1);

  private final LineWriter writer;
  private final Spool spool;
  private final LongSupplier nanos;
  private final Backoff backoff;
  private final StoreCounters counters;
  private final LatencyWindow latency = new LatencyWindow(1_024);
  private final RateWindow replayRate = new RateWindow(10);
  private final PerKeyThrottle logThrottle;
  private final Object spoolLock = new Object();
  private final AtomicBoolean answering = new AtomicBoolean(true);
  private final AtomicBoolean alarm = new AtomicBoolean();
  private volatile boolean spooling;

  SpoolingWriter(LineWriter writer, Spool spool, Backoff backoff, StoreCounters counters,
      LongSupplier nanos, InstantSource clock) {
    this.writer = writer;
    this.spool = spool;
    this.backoff = backoff;
    this.counters = counters;
    this.nanos = nanos;
    this.logThrottle = new PerKeyThrottle(LOG_PERIOD, clock, 64);
    this.spooling = heldAtStart(spool);
  }

  /**
   * Whether the spool holds records from before; false when it cannot be read (batches are
   * then written directly, and replay tries again once an append works).
   */
  private boolean heldAtStart(Spool spool) {
    try {
      return spool.peek().isPresent();
    } catch (RuntimeException unreadable) {
      raiseAlarm("the spool could not be read at start (" + unreadable + ")");
      return false;
    }
  }

  /** Writes {@code batch}, or spools it while the spool holds older ones or InfluxDB fails. */
  void deliver(PointBatch batch) {
    if (spooling || backoff.waiting(nanos.getAsLong())) {
      toSpool(batch, true);
      return;
    }
    WriteOutcome outcome = timedWrite(batch);
    if (outcome instanceof WriteOutcome.Failed failed) {
      failed(failed);
      toSpool(batch, false);
    } else {
      written(batch, outcome, false);
    }
  }

  /** A full batch the store's thread has no room for: into the spool, from any thread. */
  void overflow(PointBatch batch) {
    toSpool(batch, false);
  }

  /**
   * Replays the oldest spooled record when one is held and no backoff is running; returns
   * whether it was written (so that the next may follow at once).
   */
  boolean replayOne() {
    return !backoff.waiting(nanos.getAsLong()) && replayNow();
  }

  /** As {@link #replayOne()}, whatever the backoff says: the store's last tries on closing. */
  boolean replayNow() {
    if (!spooling) {
      return false;
    }
    Optional<SpooledRecord> head = oldest();
    if (head.isEmpty()) {
      return false;
    }
    PointBatch batch = PointBatch.fromSpool(head.get().bytes());
    WriteOutcome outcome = batch.points() == 0 ? new WriteOutcome.Written() : timedWrite(batch);
    if (outcome instanceof WriteOutcome.Failed failed) {
      failed(failed);
      return false;
    }
    try {
      spool.release(head.get());
    } catch (RuntimeException stuck) {
      failed(new WriteOutcome.Failed("a replayed record could not be released from the spool"
          + " (it will be written again, which stores nothing twice): " + stuck));
      return false;
    }
    written(batch, outcome, true);
    replayRate.add(nanos.getAsLong(), batch.points());
    return true;
  }

  /** 0 when a replay may go now; how long until one may; Long.MAX_VALUE when none waits. */
  long nanosUntilReplay() {
    return spooling ? backoff.nanosUntilRetry(nanos.getAsLong()) : Long.MAX_VALUE;
  }

  boolean answering() {
    return answering.get();
  }

  boolean alarm() {
    return alarm.get();
  }

  LatencyWindow latency() {
    return latency;
  }

  double replayPointsPerSecond() {
    return replayRate.perSecond(nanos.getAsLong());
  }

  private Optional<SpooledRecord> oldest() {
    Optional<SpooledRecord> head;
    try {
      synchronized (spoolLock) {
        head = spool.peek();
        spooling = head.isPresent();
      }
    } catch (RuntimeException unreadable) {
      spooling = false;
      raiseAlarm("the spool could not be read (" + unreadable + "); batches are written"
          + " directly and its records replayed once an append to it works again");
      return Optional.empty();
    }
    if (head.isEmpty()) {
      log.info("The InfluxDB spool is empty again: every spooled point is replayed");
      clearAlarm();
    }
    return head;
  }

  private WriteOutcome timedWrite(PointBatch batch) {
    long start = nanos.getAsLong();
    WriteOutcome outcome = writer.write(batch.lines(), batch.points());
    if (!(outcome instanceof WriteOutcome.Failed)) {
      latency.record(nanos.getAsLong() - start);
    }
    return outcome;
  }

  private void written(PointBatch batch, WriteOutcome outcome, boolean replayed) {
    backoff.succeeded();
    if (!answering.getAndSet(true)) {
      log.info("InfluxDB takes writes again ({} records left in the spool to replay)",
          heldRecords());
    }
    int refused = 0;
    if (outcome instanceof WriteOutcome.BadPoints bad) {
      refused = bad.refused();
      counters.refused(bad.reason(), refused);
      if (logThrottle.allow("refused " + bad.reason())) {
        log.warn("InfluxDB refused {} of {} points for good as {} (counted; logged at most once"
            + " per {} per reason): {}", refused, batch.points(), bad.reason(), LOG_PERIOD,
            bad.message());
      }
    }
    counters.written.add(batch.points() - refused);
    counters.batches.increment();
    if (replayed) {
      counters.replayed.add(batch.points() - refused);
    }
  }

  private void failed(WriteOutcome.Failed failed) {
    counters.failures.increment();
    backoff.failed(nanos.getAsLong());
    Duration retry = Duration.ofNanos(backoff.delayNanos());
    if (answering.getAndSet(false)) {
      log.warn("InfluxDB does not take writes ({}); batches go to the spool and are replayed"
          + " in order once it answers, next try in {} ms", failed.cause(), retry.toMillis());
    } else if (logThrottle.allow("failing")) {
      log.warn("InfluxDB still does not take writes ({}); {} records spooled, next try in {} ms"
          + " (logged at most once per {})", failed.cause(), heldRecords(),
          retry.toMillis(), LOG_PERIOD);
    }
  }

  private void toSpool(PointBatch batch, boolean directAllowed) {
    try {
      synchronized (spoolLock) {
        spool.append(batch.bytes());
        spooling = true;
      }
      counters.spooled.add(batch.points());
      clearAlarm();
    } catch (SpoolFullException full) {
      refusedBySpool(batch, "spool_full", "the spool is full (" + full.getMessage() + ")",
          directAllowed);
    } catch (RuntimeException broken) {
      refusedBySpool(batch, "spool_failed", "the spool failed (" + broken + ")", directAllowed);
    }
  }

  /**
   * A batch the spool did not take: written at once when {@code directAllowed} (the store's
   * thread) and no backoff runs, else lost, counted, and the alarm raised.
   */
  private void refusedBySpool(PointBatch batch, String reason, String why,
      boolean directAllowed) {
    if (directAllowed && !backoff.waiting(nanos.getAsLong())) {
      WriteOutcome outcome = timedWrite(batch);
      if (!(outcome instanceof WriteOutcome.Failed)) {
        written(batch, outcome, false);
        return;
      }
      failed((WriteOutcome.Failed) outcome);
    }
    counters.lost(reason, batch.points());
    raiseAlarm(why + " while InfluxDB does not take writes: readings are LOST (counted as"
        + " lost points) until it answers again; raise store.influx.spool_limit or free the"
        + " disk of store.influx.spool_dir");
  }

  private boolean spoolFull() {
    try {
      return spool.stats().full();
    } catch (RuntimeException unanswered) {
      return true;
    }
  }

  /** Records the spool holds, for a log line; -1 when it cannot say. */
  private long heldRecords() {
    try {
      return spool.stats().records();
    } catch (RuntimeException unanswered) {
      return -1;
    }
  }

  private void raiseAlarm(String why) {
    if (!alarm.getAndSet(true)) {
      log.error("InfluxDB store alarm: {}", why);
    }
  }

  /**
   * Clears the alarm once the spool is no longer full by its own measure (the disk spool keeps
   * its full mark until it is back under 90% of its limit, so the alarm does not flap).
   */
  private void clearAlarm() {
    if (alarm.get() && !spoolFull() && alarm.getAndSet(false)) {
      log.warn("InfluxDB store alarm cleared: the spool takes records again; {} points were"
          + " lost meanwhile (kelvin store lost points)", counters.lostByReason());
    }
  }
}
