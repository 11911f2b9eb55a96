package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SegmentFormat.FRAME_HEADER_BYTES;
import static dev.kelvin.telemetry.store.spool.SegmentFormat.SEGMENT_HEADER_BYTES;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Spool} in append-only segment files (format in {@link SegmentFormat}), with a replay
 * cursor ({@link CursorFile}) so that released records are not handed out again after a
 * restart. Opening a folder recovers it ({@link SpoolFolder}): a torn last record is cut off and
 * counted, damaged records are skipped and counted, and damage never throws.
 *
 * <p>Appends serialize among themselves, as do peeks and releases; an append and a replay run
 * at once, each doing its disk work outside the {@link SpoolLedger}'s short lock. {@link
 * #close()} belongs after both have stopped.
 */
public final class DiskSpool implements Spool {
  private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);

  private final SpoolSettings settings;
  private final FileChannel folderLock;
  private final SpoolLedger ledger;
  private final Object appending = new Object();
  private final Object replaying = new Object();

  // guarded by appending
  private SegmentWriter writer;
  private Segment active;
  private long nextPosition;
  private boolean rollNext;

  // guarded by replaying
  private final CursorFile cursor;
  private final FrameReader reader = new FrameReader();
  private boolean cursorFailing;

  private DiskSpool(SpoolSettings settings, SpoolFolder.Opened opened) {
    this.settings = settings;
    this.folderLock = opened.lockChannel();
    this.ledger = new SpoolLedger(settings, opened.segments(), opened.releasedThrough(),
        opened.torn(), opened.corrupt());
    this.nextPosition = opened.nextPosition();
    this.cursor = new CursorFile(settings.folder());
  }

  /**
   * Opens the spool in {@code settings.folder()}, creating the folder when missing and
   * recovering what an earlier run left there. Appends go to a new segment.
   *
   * @throws SpoolException when the folder cannot be written, another spool has it open, or it
   *     holds a file that is not the spool's
   */
  public static DiskSpool open(SpoolSettings settings) {
    return new DiskSpool(settings, SpoolFolder.open(settings.folder()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws SpoolException when the disk fails the write (the record is not kept)
   */
  @Override
  public void append(byte[] record) {
    Objects.requireNonNull(record, "record");
    long frameBytes = FRAME_HEADER_BYTES + (long) record.length;
    synchronized (appending) {
      boolean kept = false;
      while (!kept) {
        boolean roll = ledger.reserve(active, rollNext, frameBytes);
        try {
          if (roll) {
            roll();
          }
          long end = writer.append(nextPosition++, record);
          kept = ledger.committed(active, end, frameBytes);
        } catch (IOException e) {
          rollNext = true;
          throw new SpoolException("Spool " + settings.folder() + " could not keep a record of "
              + record.length + " bytes: " + e + " (disk full or failing?)", e);
        }
      }
    }
  }

  /** Starts a segment named after the next position; a failed start uses that position up. */
  private void roll() throws IOException {
    long base = nextPosition;
    Path file = settings.folder().resolve(SegmentFormat.fileName(base));
    SegmentWriter next;
    try {
      next = SegmentWriter.create(file, base, settings.fsync());
    } catch (IOException e) {
      nextPosition++;
      throw e;
    }
    Segment segment = new Segment(file, base, SEGMENT_HEADER_BYTES);
    ledger.started(active, segment);
    closeQuietly(writer);
    writer = next;
    active = segment;
    rollNext = false;
  }

  @Override
  public Optional<SpooledRecord> peek() {
    synchronized (replaying) {
      while (true) {
        Optional<SpooledRecord> held = ledger.peeked();
        if (held.isPresent()) {
          return held;
        }
        SpoolLedger.Head head = ledger.head();
        if (head == null) {
          return Optional.empty();
        }
        FrameReader.Frame frame = read(head.segment(), head.offset(), head.end());
        if (ledger.accept(head.segment(), head.offset(), frame)) {
          return ledger.peeked();
        }
      }
    }
  }

  private FrameReader.Frame read(Segment segment, long offset, long end) {
    try {
      return reader.read(segment, offset, end);
    } catch (IOException e) {
      throw new SpoolException("Spool segment " + segment.path + " could not be read at offset "
          + offset + ": " + e + " (a failing disk, or the file removed by hand?)", e);
    }
  }

  @Override
  public void release(SpooledRecord record) {
    Objects.requireNonNull(record, "record");
    synchronized (replaying) {
      OptionalLong through = ledger.release(record);
      if (through.isPresent()) {
        writeCursor(through.getAsLong());
      }
    }
  }

  private void writeCursor(long through) {
    try {
      cursor.write(through);
      if (cursorFailing) {
        cursorFailing = false;
        LOG.info("Spool {} writes its cursor again", settings.folder());
      }
    } catch (IOException e) {
      if (!cursorFailing) {
        cursorFailing = true;
        LOG.warn("Spool {} could not write its cursor: {}; records released from now on may be"
            + " handed out again after a restart", settings.folder(), e.toString());
      }
    }
  }

  @Override
  public SpoolStats stats() {
    return ledger.stats();
  }

  /** The settings this spool runs with. */
  public SpoolSettings settings() {
    return settings;
  }

  @Override
  public void close() {
    if (!ledger.close()) {
      return;
    }
    synchronized (appending) {
      closeQuietly(writer);
    }
    synchronized (replaying) {
      closeQuietly(reader);
    }
    SpoolFolder.closeQuietly(folderLock);
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", closeable, e.toString());
    }
  }
}
