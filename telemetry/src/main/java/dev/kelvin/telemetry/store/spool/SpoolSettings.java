package dev.kelvin.telemetry.store.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link DiskSpool} keeps its files and how much it may hold.
 *
 * @param folder a folder of the spool's own; created when missing
 * @param limitBytes the most bytes of held records (frames and segment headers) the spool keeps;
 *     an append past it is refused with {@link SpoolFullException}
 * @param segmentBytes the size at which the spool starts a new segment file; released space is
 *     given back to the disk a whole segment at a time
 * @param fsync whether {@link Spool#append} forces each record to the disk before it returns
 *     (off, a record survives a crash of the process but not of the machine)
 */
public record SpoolSettings(Path folder, long limitBytes, long segmentBytes, boolean fsync) {
  /** 1 GiB. */
  public static final long DEFAULT_LIMIT_BYTES = 1L << 30;
  /** 16 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;
  /** 1 KiB: smaller segments would be mostly headers. */
  public static final long MIN_SEGMENT_BYTES = 1L << 10;

  public SpoolSettings {
    Objects.requireNonNull(folder, "folder");
    if (segmentBytes < MIN_SEGMENT_BYTES) {
      throw new IllegalArgumentException("spool segmentBytes must be at least " + MIN_SEGMENT_BYTES
          + " bytes, was " + segmentBytes + " (a size in KiB or MiB given where bytes are meant?)");
    }
    if (limitBytes < segmentBytes) {
      throw new IllegalArgumentException("spool limitBytes must be at least segmentBytes ("
          + segmentBytes + " bytes), was " + limitBytes
          + " bytes (a size in MiB or GiB given where bytes are meant?)");
    }
  }

  /** The defaults: a 1 GiB limit, 16 MiB segments, each append forced to disk. */
  public static SpoolSettings defaults(Path folder) {
    return new SpoolSettings(folder, DEFAULT_LIMIT_BYTES, DEFAULT_SEGMENT_BYTES, true);
  }

  public SpoolSettings withLimitBytes(long bytes) {
    return new SpoolSettings(folder, bytes, segmentBytes, fsync);
  }

  public SpoolSettings withSegmentBytes(long bytes) {
    return new SpoolSettings(folder, limitBytes, bytes, fsync);
  }

  public SpoolSettings withFsync(boolean force) {
    return new SpoolSettings(folder, limitBytes, segmentBytes, force);
  }
}
