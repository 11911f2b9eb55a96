package dev.kelvin.policy.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The audit file opened for appending by this process alone. Every line is handed to the
 * operating system before {@link #append} returns (no buffer in the JVM), so a record survives
 * a crash of the JVM; {@link #close} forces it to the disk. Lines are written at the end of the
 * last complete line, so a write that failed halfway is overwritten (and cut off) by the next
 * attempt and never fuses with the next record.
 */
final class AuditFile implements LineSink {
  private static final byte NEWLINE = '\n';

  private final Path path;
  private FileChannel channel;
  private long goodSize;
  private boolean dirty;

  private AuditFile(Path path, FileChannel channel, long goodSize) {
    this.path = path;
    this.channel = channel;
    this.goodSize = goodSize;
  }

  /**
   * Opens {@code path} for appending, creating it if needed. A last line without its line
   * break (a write cut short by a crash) is ended with one, so new records start on a line of
   * their own; the fragment stays in the file for people to read.
   */
  static AuditFile open(Path path) throws IOException {
    FileChannel channel = openChannel(path);
    long size = channel.size();
    if (size > 0 && lastByte(channel, size) != NEWLINE) {
      writeFully(channel, ByteBuffer.wrap(new byte[] {NEWLINE}), size);
      size++;
    }
    return new AuditFile(path, channel, size);
  }

  @Override
  public void append(String line) throws IOException {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(text.length + 1).put(text).put(NEWLINE).flip();
    if (channel == null || !channel.isOpen()) {
      channel = openChannel(path);
      dirty = true;
    }
    if (dirty) {
      channel.truncate(goodSize);
      dirty = false;
    }
    try {
      writeFully(channel, buffer, goodSize);
    } catch (IOException e) {
      dirty = true;
      throw e;
    }
    goodSize += buffer.limit();
  }

  @Override
  public void close() throws IOException {
    if (channel != null && channel.isOpen()) {
      try {
        channel.force(true);
      } finally {
        channel.close();
      }
    }
  }

  private static FileChannel openChannel(Path path) throws IOException {
    return FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.READ);
  }

  private static byte lastByte(FileChannel channel, long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, size - 1);
    return one.get(0);
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long at)
      throws IOException {
    long position = at;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }
}
