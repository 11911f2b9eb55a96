package dev.kelvin.telemetry.store.spool;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Appends frames to the newest segment file; used by the appending thread only. */
final class SegmentWriter implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);

  private final FileChannel channel;
  private final boolean fsync;
  private long size;

  private SegmentWriter(FileChannel channel, boolean fsync, long size) {
    this.channel = channel;
    this.fsync = fsync;
    this.size = size;
  }

  /**
   * Creates the segment file {@code file} with its header; with {@code fsync} the header and the
   * folder entry are on disk when this returns. A file left half made is removed.
   */
  static SegmentWriter create(Path file, long base, boolean fsync) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    try {
      ByteBuffer header = SegmentFormat.segmentHeader(base);
      while (header.hasRemaining()) {
        channel.write(header);
      }
      if (fsync) {
        channel.force(true);
        forceFolder(file.getParent());
      }
      return new SegmentWriter(channel, fsync, SegmentFormat.SEGMENT_HEADER_BYTES);
    } catch (IOException e) {
      channel.close();
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /**
   * Writes one frame and, with fsync, forces it to disk. On failure the file is cut back to its
   * last whole frame where the disk allows.
   *
   * @return the file's size after the frame: the end of its whole frames
   */
  long append(long position, byte[] payload) throws IOException {
    ByteBuffer[] frame = {SegmentFormat.frameHeader(position, payload), ByteBuffer.wrap(payload)};
    try {
      while (frame[1].hasRemaining() || frame[0].hasRemaining()) {
        channel.write(frame);
      }
      if (fsync) {
        channel.force(false);
      }
    } catch (IOException e) {
      cutBack();
      throw e;
    }
    size += SegmentFormat.FRAME_HEADER_BYTES + (long) payload.length;
    return size;
  }

  private void cutBack() {
    try {
      channel.truncate(size);
      channel.position(size);
    } catch (IOException e) {
      LOG.warn("Spool could not cut a failed append back to offset {}: {}", size, e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  private static void forceFolder(Path folder) {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      LOG.debug("Spool folder {} cannot be forced on this platform: {}", folder, e.toString());
    }
  }
}
