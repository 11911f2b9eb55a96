package dev.kelvin.telemetry.store.spool;

import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the spool knows of one segment file. Mutable, and guarded by the {@link DiskSpool}'s
 * lock: the appending thread moves {@code end} of the segment it writes, the replaying thread
 * moves {@code readOffset} of the oldest one.
 */
final class Segment {
  final Path path;
  final long base;
  /** Bytes of whole frames: the appender's committed end, or what the scan could frame. */
  long end;
  /** Offset of the oldest frame not yet released. */
  long readOffset;
  /** Readable frames from {@code readOffset} on, not yet released. */
  long records;
  /** Bytes of those frames, headers included. */
  long recordBytes;
  /** No more frames will be appended. */
  boolean sealed;
  /** Frames from {@code end} on cannot be framed: the appender must start a new segment. */
  boolean poisoned;
  /** Frames known to be damaged, by offset, with the offset after each: skipped, not counted. */
  final NavigableMap<Long, Long> damaged = new TreeMap<>();

  Segment(Path path, long base, long end) {
    this.path = path;
    this.base = base;
    this.end = end;
    this.readOffset = end;
  }

  /** Moves {@code readOffset} past any damaged frames known to sit there. */
  void skipDamaged() {
    Long after = damaged.get(readOffset);
    while (after != null) {
      readOffset = after;
      after = damaged.get(readOffset);
    }
  }

  @Override
  public String toString() {
    return path.getFileName() + "[" + readOffset + ".." + end + ", " + records + " records]";
  }
}
