package dev.kelvin.policy.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The audit file opened for appending by this process alone: {@link #open} takes an exclusive
 * lock on it, so a second Kelvin on the same file (another process, or another log in this JVM)
 * is refused instead of overwriting records; {@link #close} releases it. Every line is handed to
 * the operating system before {@link #append} returns (no buffer in the JVM), so a record
 * survives a crash of the JVM; {@link #close} forces it to the disk. Lines are written at the
 * end of the last complete line, so a write that failed halfway is overwritten (and cut off) by
 * the next attempt and never fuses with the next record.
 *
 * <p>Records go to the file the path names: before each line the path is looked up again, and
 * when it names another file or none (the file was moved away or deleted, its folder or volume
 * replaced), that one is opened (created where missing) and locked instead, so that no record
 * goes to a file nobody can find, and a path that is restored is written again without a
 * restart. Until the path can be opened every line fails.
 *
 * <p>All reads go through the locked channel: on POSIX systems closing any other channel on the
 * file would release this process's lock.
 */
final class AuditFile implements LineSink {
  private static final byte NEWLINE = '\n';

  private final Path path;
  private FileChannel channel;
  private Object fileKey;
  private long goodSize;
  private boolean dirty;

  private AuditFile(Path path, FileChannel channel, Object fileKey, long goodSize) {
    this.path = path;
    this.channel = channel;
    this.fileKey = fileKey;
    this.goodSize = goodSize;
  }

  /**
   * Opens {@code path} for appending, creating it if needed, and locks it.
   *
   * @throws JsonlAuditLog.InUseException when another Kelvin holds the lock
   * @throws IOException when the file cannot be opened or locked
   */
  static AuditFile open(Path path) throws IOException {
    FileChannel channel = lockedChannel(path);
    try {
      return new AuditFile(path, channel, fileKey(path), channel.size());
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The locked channel, for reading the file back; it stays owned by this file. */
  FileChannel channel() {
    return channel;
  }

  /**
   * Ends a last line that lacks its line break (a write cut short by a crash) with one, so new
   * records start on a line of their own; the fragment stays in the file for people to read.
   */
  void endLastLine() throws IOException {
    long size = channel.size();
    if (size > 0 && lastByte(channel, size) != NEWLINE) {
      writeFully(channel, ByteBuffer.wrap(new byte[] {NEWLINE}), size);
      size++;
    }
    goodSize = size;
  }

  @Override
  public void append(String line) throws IOException {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buffer = ByteBuffer.allocate(text.length + 1).put(text).put(NEWLINE).flip();
    if (!channel.isOpen() || !stillAtPath()) {
      reopen();
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

  /**
   * Opens and locks the file the path names now, after the channel was closed under a write
   * (an interrupted thread), which released the lock, or the path came to name another file.
   * The old channel is closed first, releasing its lock; when the path cannot be opened the
   * next line tries again. What the file holds is kept: another process may have written to it
   * meanwhile, so a fragment of an interrupted line is ended, not cut off.
   */
  private void reopen() throws IOException {
    if (channel.isOpen()) {
      channel.close();
    }
    channel = lockedChannel(path);
    dirty = false;
    try {
      fileKey = fileKey(path);
      endLastLine();
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** Whether the path still names the file this channel has open. */
  private boolean stillAtPath() {
    try {
      return Objects.equals(fileKey(path), fileKey);
    } catch (IOException e) {
      return false;
    }
  }

  /** What tells files apart (device and inode on Linux); null where the system has none. */
  private static Object fileKey(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
  }

  /** Forces the file to disk, then closes it, which releases the lock. */
  @Override
  public void close() throws IOException {
    if (channel.isOpen()) {
      try {
        channel.force(true);
      } finally {
        channel.close();
      }
    }
  }

  /** Opens the file and takes its lock, or refuses when another Kelvin holds it. */
  private static FileChannel lockedChannel(Path path) throws IOException {
    FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    FileLock lock;
    try {
      lock = opened.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    if (lock == null) {
      opened.close();
      throw new JsonlAuditLog.InUseException(path);
    }
    return opened;
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
