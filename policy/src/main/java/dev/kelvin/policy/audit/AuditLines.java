package dev.kelvin.policy.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads a file through a channel from its start, one line at a time, without closing the
 * channel (closing another channel on the audit file would release this process's lock on
 * it). Memory stays bounded whatever the file holds: a line longer than
 * {@value #MAX_LINE_BYTES} bytes is handed over as overlong, without its bytes.
 */
final class AuditLines {
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
  private static final int BLOCK_BYTES = 1024 * 1024;

  /** Takes each line in turn, numbered from 1, without its line break. */
  interface Consumer {
    /**
     * Takes the line in {@code bytes[0, length)}; {@code overlong} when it was too long to
     * keep (then {@code length} is 0).
     */
    void line(long number, byte[] bytes, int length, boolean overlong);
  }

  private byte[] line = new byte[8192];
  private int length;
  private boolean overlong;
  private long number;

  private AuditLines() {}

  /** Hands every line of the file to {@code consumer}; returns how many there were. */
  static long read(FileChannel channel, Consumer consumer) throws IOException {
    return new AuditLines().readAll(channel, consumer);
  }

  private long readAll(FileChannel channel, Consumer consumer) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
    byte[] bytes = block.array();
    long position = 0;
    int read;
    while ((read = channel.read(block.clear(), position)) >= 0) {
      position += read;
      int start = 0;
      for (int i = 0; i < read; i++) {
        if (bytes[i] == '\n') {
          keep(bytes, start, i);
          hand(consumer);
          start = i + 1;
        }
      }
      keep(bytes, start, read);
    }
    if (length > 0 || overlong) {
      hand(consumer);
    }
    return number;
  }

  private void keep(byte[] bytes, int from, int to) {
    int count = to - from;
    if (overlong || count == 0) {
      return;
    }
    if ((long) length + count > MAX_LINE_BYTES) {
      overlong = true;
      length = 0;
      return;
    }
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2,
          length + count)));
    }
    System.arraycopy(bytes, from, line, length, count);
    length += count;
  }

  private void hand(Consumer consumer) {
    consumer.line(++number, line, length, overlong);
    length = 0;
    overlong = false;
  }
}
