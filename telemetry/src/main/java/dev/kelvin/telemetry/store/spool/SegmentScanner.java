package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SegmentFormat.FRAME_HEADER_BYTES;
import static dev.kelvin.telemetry.store.spool.SegmentFormat.SEGMENT_HEADER_BYTES;

import dev.kelvin.telemetry.store.spool.SegmentFormat.FrameHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one segment file at open: checks its header, frames its records, checks each held
 * record's checksum, and cuts a torn tail off the newest segment.
 */
final class SegmentScanner {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentScanner.class);
  private static final int CHUNK_BYTES = 64 * 1024;

  private final ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER_BYTES);
  private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);

  /**
   * What a scan found.
   *
   * @param segment the segment, sealed; null when the file holds less than a segment header
   *     (a crash while the segment was created) and can go
   * @param positionsFrom every position in this file is below it
   */
  record Scan(Segment segment, long torn, long corrupt, long positionsFrom) {}

  /**
   * @param corrupt damaged records, garbage counted as one
   * @param lastPosition the last position framed, or below the base when none was
   * @param cutShort framing stopped at a record cut short by the end of the file, or at zeros
   *     running to it
   */
  private record Framing(long corrupt, long lastPosition, boolean cutShort) {}

  /**
   * Scans {@code file}; records at positions up to {@code releasedThrough} are framed but not
   * checked or counted. The newest segment ({@code last}) loses a torn tail; elsewhere a record
   * cut short is damage.
   */
  Scan scan(Path file, long base, boolean last, long releasedThrough) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long size = channel.size();
      if (size < SEGMENT_HEADER_BYTES) {
        checkStub(channel, file, base, size);
        return new Scan(null, 0, 0, base + 1);
      }
      checkHeader(channel, file, base);
      Segment segment = new Segment(file, base, SEGMENT_HEADER_BYTES);
      segment.sealed = true;
      Framing found = frame(channel, segment, size, releasedThrough);
      long corrupt = found.corrupt();
      long positionsFrom = Math.max(found.lastPosition() + 1, base + 1);
      if (!found.cutShort()) {
        return new Scan(segment, 0, corrupt, positionsFrom);
      }
      if (!last) {
        LOG.warn("Spool segment {} ends in a record cut short at offset {} but is not the newest"
            + " segment; skipped {} bytes", file, segment.end, size - segment.end);
        return new Scan(segment, 0, corrupt + 1, positionsFrom);
      }
      LOG.warn("Spool segment {} ends in a torn record at offset {} (a crash mid-append);"
          + " cut back to the last whole record, {} bytes dropped", file, segment.end,
          size - segment.end);
      channel.truncate(segment.end);
      channel.force(true);
      return new Scan(segment, 1, corrupt, positionsFrom);
    }
  }

  /**
   * Frames the records of {@code segment} up to {@code size}, filling in its counts.
   *
   * @return what the framing found
   */
  private Framing frame(FileChannel channel, Segment segment, long size, long releasedThrough)
      throws IOException {
    long offset = SEGMENT_HEADER_BYTES;
    long lastPosition = segment.base - 1;
    long corrupt = 0;
    segment.readOffset = -1;
    while (offset < size) {
      if (size - offset < FRAME_HEADER_BYTES) {
        return stop(segment, offset, new Framing(corrupt, lastPosition, true));
      }
      FrameHeader h = readHeader(channel, offset);
      if (h == null || h.position() <= lastPosition) {
        boolean zeros = allZero(channel, offset, size);
        if (!zeros) {
          LOG.warn("Spool segment {} holds a damaged record header at offset {} (a garbage"
              + " length field or position); the rest of the segment, {} bytes, is skipped",
              segment.path, offset, size - offset);
          corrupt++;
        }
        return stop(segment, offset, new Framing(corrupt, lastPosition, zeros));
      }
      if (offset + h.frameBytes() > size) {
        return stop(segment, offset, new Framing(corrupt, lastPosition, true));
      }
      if (h.position() > releasedThrough && !hold(channel, segment, offset, h)) {
        corrupt++;
      }
      lastPosition = h.position();
      offset += h.frameBytes();
    }
    return stop(segment, offset, new Framing(corrupt, lastPosition, false));
  }

  /** Checks a record not yet released: counts it held, or notes it damaged (false). */
  private boolean hold(FileChannel channel, Segment segment, long offset, FrameHeader h)
      throws IOException {
    if (segment.readOffset < 0) {
      segment.readOffset = offset;
    }
    if (payloadCrc(channel, offset + FRAME_HEADER_BYTES, h.length()) == h.payloadCrc()) {
      segment.records++;
      segment.recordBytes += h.frameBytes();
      return true;
    }
    LOG.warn("Spool segment {} holds a record at offset {} (position {}, {} bytes) whose"
        + " checksum does not match; skipped", segment.path, offset, h.position(), h.length());
    segment.damaged.put(offset, offset + h.frameBytes());
    return false;
  }

  /** Ends the framing at {@code offset}: the segment's whole frames end there. */
  private static Framing stop(Segment segment, long offset, Framing found) {
    segment.end = offset;
    if (segment.readOffset < 0) {
      segment.readOffset = offset;
    }
    return found;
  }

  private FrameHeader readHeader(FileChannel channel, long offset) throws IOException {
    header.clear();
    SegmentFormat.readFully(channel, header, offset);
    return SegmentFormat.parseFrameHeader(header.flip());
  }

  private int payloadCrc(FileChannel channel, long offset, int length) throws IOException {
    CRC32C crc = new CRC32C();
    long at = offset;
    long left = length;
    while (left > 0) {
      chunk.clear().limit((int) Math.min(CHUNK_BYTES, left));
      SegmentFormat.readFully(channel, chunk, at);
      crc.update(chunk.flip());
      at += chunk.limit();
      left -= chunk.limit();
    }
    return (int) crc.getValue();
  }

  /** Whether the file holds only zeros from {@code offset}: space a crash left unwritten. */
  private boolean allZero(FileChannel channel, long offset, long size) throws IOException {
    long at = offset;
    while (at < size) {
      chunk.clear().limit((int) Math.min(CHUNK_BYTES, size - at));
      SegmentFormat.readFully(channel, chunk, at);
      chunk.flip();
      while (chunk.hasRemaining()) {
        if (chunk.get() != 0) {
          return false;
        }
      }
      at += chunk.limit();
    }
    return true;
  }

  private static void checkStub(FileChannel channel, Path file, long base, long size)
      throws IOException {
    ByteBuffer found = ByteBuffer.allocate((int) size);
    SegmentFormat.readFully(channel, found, 0);
    ByteBuffer expected = SegmentFormat.segmentHeader(base).limit((int) size);
    if (!found.flip().equals(expected)) {
      throw notASegment(file, "it is " + size + " bytes long and does not start with a spool"
          + " segment header");
    }
    LOG.warn("Spool segment {} holds only {} bytes of its header (a crash while it was created);"
        + " removed", file, size);
  }

  private static void checkHeader(FileChannel channel, Path file, long base) throws IOException {
    ByteBuffer h = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
    SegmentFormat.readFully(channel, h, 0);
    h.flip();
    if (h.getInt() != SegmentFormat.SEGMENT_MAGIC) {
      throw notASegment(file, "it does not start with the spool segment magic \"KSPL\"");
    }
    int version = h.getInt();
    if (version != SegmentFormat.VERSION) {
      throw notASegment(file, "it is in spool format version " + version + "; this Kelvin reads"
          + " version " + SegmentFormat.VERSION + " (written by a newer Kelvin?)");
    }
    long named = h.getLong();
    if (named != base) {
      throw notASegment(file, "its header gives base position " + named + " where its name gives "
          + base + " (renamed by hand?)");
    }
  }

  private static SpoolException notASegment(Path file, String why) {
    return new SpoolException("Spool file " + file + " is not a spool segment: " + why
        + "; give the spool a folder of its own, or move the file away");
  }
}
