package dev.kelvin.telemetry.store.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replay cursor: the last position released, in a 16-byte file ("KCUR", the position, a
 * CRC32C of the 12 bytes before) replaced atomically by a rename. It is not forced to disk: a
 * cursor lost or stale after a machine crash only hands records out again, never loses one.
 */
final class CursorFile {
  static final String NAME = "cursor";
  static final String TEMP_NAME = "cursor.tmp";
  /** The cursor before anything was released. */
  static final long NONE = -1;
  private static final Logger LOG = LoggerFactory.getLogger(CursorFile.class);
  private static final int MAGIC = 0x4B435552;
  private static final int BYTES = 16;

  private final Path file;
  private final Path temp;

  CursorFile(Path folder) {
    this.file = folder.resolve(NAME);
    this.temp = folder.resolve(TEMP_NAME);
  }

  /** The last position released, or {@link #NONE} when the file is missing or unreadable. */
  long read() throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return NONE;
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    if (bytes.length == BYTES && b.getInt() == MAGIC) {
      long released = b.getLong();
      int crc = b.getInt();
      if (crc == SegmentFormat.crc(ByteBuffer.wrap(bytes, 0, BYTES - 4)) && released >= NONE) {
        return released;
      }
    }
    LOG.warn("Spool cursor {} is unreadable ({} bytes); replay starts from the oldest record"
        + " held, so records already written may be handed out again", file, bytes.length);
    return NONE;
  }

  void write(long releasedThrough) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(BYTES).putInt(MAGIC).putLong(releasedThrough);
    b.putInt(SegmentFormat.crc(b.duplicate().flip()));
    Files.write(temp, b.array());
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
