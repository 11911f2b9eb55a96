package dev.kelvin.telemetry.store.spool;

import static dev.kelvin.telemetry.store.spool.SegmentFormat.FRAME_HEADER_BYTES;

import dev.kelvin.telemetry.store.spool.SegmentFormat.FrameHeader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Reads one frame at a time for the replaying thread, keeping the oldest segment open. */
final class FrameReader implements Closeable {
  /** What reading a frame gave. */
  enum Outcome {
    /** A whole record whose checksum matched. */
    WHOLE,
    /** A good header but a payload whose checksum did not match: skip it by its length. */
    BAD_PAYLOAD,
    /** A header that failed its checksum: nothing after it in the segment can be framed. */
    BAD_HEADER
  }

  /** One frame; for a bad header only the outcome means anything. */
  record Frame(Outcome outcome, long position, byte[] bytes, long next, long frameBytes) {}

  private static final Frame BAD_HEADER = new Frame(Outcome.BAD_HEADER, -1, new byte[0], -1, 0);

  private final ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER_BYTES);
  private Segment openSegment;
  private FileChannel channel;

  /** The frame of {@code segment} at {@code offset}, whose whole frames end at {@code end}. */
  Frame read(Segment segment, long offset, long end) throws IOException {
    FileChannel in = channelFor(segment);
    if (end - offset < FRAME_HEADER_BYTES) {
      return BAD_HEADER;
    }
    header.clear();
    SegmentFormat.readFully(in, header, offset);
    FrameHeader h = SegmentFormat.parseFrameHeader(header.flip());
    if (h == null || offset + h.frameBytes() > end) {
      return BAD_HEADER;
    }
    byte[] bytes = new byte[h.length()];
    SegmentFormat.readFully(in, ByteBuffer.wrap(bytes), offset + FRAME_HEADER_BYTES);
    Outcome outcome = SegmentFormat.crc(ByteBuffer.wrap(bytes)) == h.payloadCrc()
        ? Outcome.WHOLE : Outcome.BAD_PAYLOAD;
    return new Frame(outcome, h.position(), bytes, offset + h.frameBytes(), h.frameBytes());
  }

  private FileChannel channelFor(Segment segment) throws IOException {
    if (segment != openSegment) {
      close();
      channel = FileChannel.open(segment.path, StandardOpenOption.READ);
      openSegment = segment;
    }
    return channel;
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      FileChannel was = channel;
      channel = null;
      openSegment = null;
      was.close();
    }
  }
}
