package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SegmentFormat.FRAME_HEADER_BYTES;
import static dev.kelvin.telemetry.store.spool.SegmentFormat.SEGMENT_HEADER_BYTES;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link DiskSpool} holds, in memory: its segments oldest first, the record it handed out
 * last, its counts. Every method runs under this object's lock, briefly and without disk work
 * but for deleting a segment file that is used up.
 */
final class SpoolLedger {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolLedger.class);

  private final SpoolSettings settings;
  private final Deque<Segment> segments;
  private long records;
  private long bytes;
  private long torn;
  private long corrupt;
  private long refused;
  private boolean fullAlarm;
  private boolean oversizeLogged;
  private boolean closed;
  private long releasedThrough;
  private Peeked peeked;

  /** The record {@link DiskSpool#peek()} handed out, and where the next one starts. */
  private record Peeked(SpooledRecord record, Segment segment, long next, long frameBytes) {}

  SpoolLedger(SpoolSettings settings, List<Segment> held, long releasedThrough, long torn,
      long corrupt) {
    this.settings = settings;
    this.segments = new ArrayDeque<>(held);
    this.releasedThrough = releasedThrough;
    this.torn = torn;
    this.corrupt = corrupt;
    for (Segment s : segments) {
      records += s.records;
      bytes += SEGMENT_HEADER_BYTES + s.recordBytes;
    }
  }

  /**
   * Checks that a frame fits under the limit, in {@code active} or in a new segment.
   *
   * @return whether it needs a new segment first
   * @throws SpoolFullException when it does not fit
   */
  synchronized boolean reserve(Segment active, boolean rollNext, long frameBytes) {
    ensureOpen();
    boolean roll = active == null || rollNext || active.poisoned
        || active.end > SEGMENT_HEADER_BYTES && active.end + frameBytes > settings.segmentBytes();
    if (frameBytes + SEGMENT_HEADER_BYTES > settings.limitBytes()) {
      throw refuseOversize(frameBytes);
    }
    long after = bytes + frameBytes + (roll ? SEGMENT_HEADER_BYTES : 0);
    if (after > settings.limitBytes()) {
      refused++;
      if (!fullAlarm) {
        fullAlarm = true;
        LOG.error("Spool {} is full: {} bytes held of its {} byte limit (limitBytes); records are"
            + " refused until replayed ones are released (is the store still down?)",
            settings.folder(), bytes, settings.limitBytes());
      }
      throw new SpoolFullException("Spool " + settings.folder() + " is full: a record of "
          + (frameBytes - FRAME_HEADER_BYTES) + " bytes would take it to " + after
          + " bytes, past its limit of " + settings.limitBytes() + " bytes (limitBytes);"
          + " it accepts again once replayed records are released");
    }
    return roll;
  }

  /** A record that could not fit even in an empty spool: refused, without the full alarm. */
  private SpoolFullException refuseOversize(long frameBytes) {
    refused++;
    String message = "Spool " + settings.folder() + " refuses a record of "
        + (frameBytes - FRAME_HEADER_BYTES) + " bytes: it can never fit under the limit of "
        + settings.limitBytes() + " bytes (limitBytes); raise the limit or write smaller batches";
    if (!oversizeLogged) {
      oversizeLogged = true;
      LOG.error(message);
    }
    return new SpoolFullException(message);
  }

  /** A new segment takes the appends; the one before it takes no more. */
  synchronized void started(Segment previous, Segment segment) {
    if (previous != null) {
      previous.sealed = true;
    }
    segments.addLast(segment);
    bytes += SEGMENT_HEADER_BYTES;
    dropConsumed();
  }

  /** Counts a frame written to {@code active}; false when it was found unreadable meanwhile. */
  synchronized boolean committed(Segment active, long end, long frameBytes) {
    if (active.poisoned) {
      return false;
    }
    active.end = end;
    active.records++;
    active.recordBytes += frameBytes;
    records++;
    bytes += frameBytes;
    return true;
  }

  /** Clears the full alarm once the held bytes are down to 90% of the limit. */
  private void clearAlarmBelowLimit() {
    if (fullAlarm && bytes <= settings.limitBytes() / 10 * 9) {
      fullAlarm = false;
      LOG.info("Spool {} has room again: {} bytes held of its {} byte limit, {} records refused"
          + " so far", settings.folder(), bytes, settings.limitBytes(), refused);
    }
  }

  /** The record handed out and not yet released, if any. */
  synchronized Optional<SpooledRecord> peeked() {
    ensureOpen();
    return peeked == null ? Optional.empty() : Optional.of(peeked.record());
  }

  /** Where the next record to hand out sits: its segment, its offset, the segment's end. */
  record Head(Segment segment, long offset, long end) {}

  /** Where the oldest record not handed out sits, used-up segments dropped; null when none. */
  synchronized Head head() {
    dropConsumed();
    Segment first = segments.peekFirst();
    if (first == null || first.records == 0) {
      return null;
    }
    first.skipDamaged();
    return new Head(first, first.readOffset, first.end);
  }

  /** Takes what reading the frame at {@code offset} gave; true when it is a record to hand out. */
  synchronized boolean accept(Segment segment, long offset, FrameReader.Frame frame) {
    switch (frame.outcome()) {
      case WHOLE:
        peeked = new Peeked(new SpooledRecord(frame.position(), frame.bytes()), segment,
            frame.next(), frame.frameBytes());
        return true;
      case BAD_PAYLOAD:
        corrupt++;
        LOG.warn("Spool segment {} holds a record at offset {} (position {}) whose checksum no"
            + " longer matches; skipped", segment.path, offset, frame.position());
        forget(segment, frame.frameBytes());
        segment.readOffset = frame.next();
        return false;
      case BAD_HEADER:
        corrupt++;
        LOG.warn("Spool segment {} holds a damaged record header at offset {}; its {} records"
            + " from there on are skipped", segment.path, offset, segment.records);
        records -= segment.records;
        bytes -= segment.recordBytes;
        segment.records = 0;
        segment.recordBytes = 0;
        segment.readOffset = segment.end;
        segment.poisoned = true;
        clearAlarmBelowLimit();
        return false;
      default:
        throw new AssertionError(frame.outcome());
    }
  }

  /**
   * Releases the record handed out.
   *
   * @return the position the cursor now stands at, or empty when {@code record} was released
   *     before
   */
  synchronized OptionalLong release(SpooledRecord record) {
    ensureOpen();
    if (peeked == null || record.position() != peeked.record().position()) {
      if (record.position() <= releasedThrough) {
        return OptionalLong.empty();
      }
      throw new IllegalArgumentException("release takes the record peek returned: position "
          + record.position() + " is not the oldest record held"
          + (peeked == null ? " (call peek first)" : ", " + peeked.record().position() + " is"));
    }
    forget(peeked.segment(), peeked.frameBytes());
    peeked.segment().readOffset = peeked.next();
    releasedThrough = record.position();
    peeked = null;
    dropConsumed();
    return OptionalLong.of(releasedThrough);
  }

  private void forget(Segment segment, long frameBytes) {
    segment.records--;
    segment.recordBytes -= frameBytes;
    records--;
    bytes -= frameBytes;
    clearAlarmBelowLimit();
  }

  /** Deletes the oldest segments while they hold nothing more and take no more appends. */
  private void dropConsumed() {
    while (!segments.isEmpty() && segments.peekFirst().sealed
        && segments.peekFirst().records == 0) {
      Segment gone = segments.removeFirst();
      bytes -= SEGMENT_HEADER_BYTES + gone.recordBytes;
      try {
        Files.deleteIfExists(gone.path);
      } catch (IOException e) {
        LOG.warn("Spool segment {} is fully released but could not be deleted: {}; the next"
            + " open removes it", gone.path, e.toString());
      }
    }
  }

  synchronized SpoolStats stats() {
    return new SpoolStats(records, bytes, settings.limitBytes(), torn, corrupt, refused,
        fullAlarm);
  }

  /** Marks the spool closed; false when it already was. */
  synchronized boolean close() {
    boolean was = closed;
    closed = true;
    return !was;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("Spool " + settings.folder() + " is closed");
    }
  }
}
