package dev.kelvin.telemetry.store.spool;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The bytes of a segment file, big-endian throughout.
 *
 * <pre>
 * segment header (16 bytes): magic "KSPL" | format version (int, 1) | base position (long)
 * frame header   (24 bytes): magic "KREC" | payload length (int) | position (long)
 *                            | CRC32C of the payload (int) | CRC32C of the 20 bytes before (int)
 * payload        (length bytes)
 * </pre>
 *
 * <p>The header's own checksum tells a garbage length field from a damaged payload: with a good
 * header a bad record is skipped by its length, with a bad one nothing after it can be framed.
 * A segment is named after its base position, zero-padded to 20 digits, so that file names sort
 * in append order: every position in it is at least its base and below the next segment's base.
 */
final class SegmentFormat {
  static final int SEGMENT_MAGIC = 0x4B53504C;
  static final int VERSION = 1;
  static final int SEGMENT_HEADER_BYTES = 16;
  static final int FRAME_MAGIC = 0x4B524543;
  static final int FRAME_HEADER_BYTES = 24;
  static final String SEGMENT_SUFFIX = ".seg";
  private static final Pattern SEGMENT_NAME = Pattern.compile("(\\d{20})\\.seg");

  private SegmentFormat() {}

  /** One frame header that passed its checksum. */
  record FrameHeader(int length, long position, int payloadCrc) {
    long frameBytes() {
      return FRAME_HEADER_BYTES + (long) length;
    }
  }

  static String fileName(long base) {
    return String.format(Locale.ROOT, "%020d%s", base, SEGMENT_SUFFIX);
  }

  /** The base position a segment's file name gives, empty when the name is not a segment's. */
  static OptionalLong baseOf(Path file) {
    Matcher m = SEGMENT_NAME.matcher(file.getFileName().toString());
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  static ByteBuffer segmentHeader(long base) {
    return ByteBuffer.allocate(SEGMENT_HEADER_BYTES).putInt(SEGMENT_MAGIC).putInt(VERSION)
        .putLong(base).flip();
  }

  static ByteBuffer frameHeader(long position, byte[] payload) {
    ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER_BYTES).putInt(FRAME_MAGIC)
        .putInt(payload.length).putLong(position).putInt(crc(ByteBuffer.wrap(payload)));
    header.putInt(crc(header.duplicate().flip()));
    return header.flip();
  }

  /** The header in {@code buffer} (24 bytes from its position), or null when it is not one. */
  static FrameHeader parseFrameHeader(ByteBuffer buffer) {
    ByteBuffer b = buffer.slice(buffer.position(), FRAME_HEADER_BYTES);
    int magic = b.getInt();
    int length = b.getInt();
    long position = b.getLong();
    int payloadCrc = b.getInt();
    int headerCrc = b.getInt();
    boolean valid = magic == FRAME_MAGIC && length >= 0
        && headerCrc == crc(b.duplicate().position(0).limit(FRAME_HEADER_BYTES - 4));
    return valid ? new FrameHeader(length, position, payloadCrc) : null;
  }

  static int crc(ByteBuffer bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  /** Fills {@code buffer} from {@code channel} at {@code offset}, or fails at end of file. */
  static void readFully(FileChannel channel, ByteBuffer buffer, long offset) throws IOException {
    long at = offset;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new EOFException("end of file at offset " + at);
      }
      at += read;
    }
  }
}
