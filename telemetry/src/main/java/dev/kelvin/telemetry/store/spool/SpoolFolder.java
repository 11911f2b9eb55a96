package dev.kelvin.telemetry.store.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a spool folder: makes sure it is a writable folder of the spool's own, takes its lock
 * so that no second spool writes it, reads the cursor and recovers every segment.
 */
final class SpoolFolder {
  static final String LOCK_NAME = "lock";
  private static final Logger LOG = LoggerFactory.getLogger(SpoolFolder.class);

  /**
   * A recovered folder, its lock held while {@code lockChannel} is open.
   *
   * @param segments the segments holding records not yet released, oldest first, all sealed
   * @param nextPosition above every position in the folder and the cursor
   */
  record Opened(FileChannel lockChannel, List<Segment> segments,
      long releasedThrough, long nextPosition, long torn, long corrupt) {}

  private SpoolFolder() {}

  static Opened open(Path folder) {
    prepare(folder);
    FileChannel lockChannel = lock(folder);
    try {
      return recover(folder, lockChannel);
    } catch (IOException e) {
      closeQuietly(lockChannel);
      throw new SpoolException("Spool folder " + folder + " could not be read: " + e
          + " (a failing disk, or a file Kelvin may not read?)", e);
    } catch (RuntimeException e) {
      closeQuietly(lockChannel);
      throw e;
    }
  }

  private static Opened recover(Path folder, FileChannel lockChannel) throws IOException {
    List<Path> files = segmentFiles(folder);
    long released = new CursorFile(folder).read();
    long next = released + 1;
    long torn = 0;
    long corrupt = 0;
    List<Segment> held = new ArrayList<>();
    SegmentScanner scanner = new SegmentScanner();
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      long base = SegmentFormat.baseOf(file).orElseThrow();
      SegmentScanner.Scan scan = scanner.scan(file, base, i == files.size() - 1, released);
      torn += scan.torn();
      corrupt += scan.corrupt();
      next = Math.max(next, scan.positionsFrom());
      if (scan.segment() != null && scan.segment().records > 0) {
        held.add(scan.segment());
      } else {
        Files.delete(file);
      }
    }
    long records = held.stream().mapToLong(s -> s.records).sum();
    LOG.info("Spool {} opened: {} records held in {} segments, {} torn and {} corrupt found,"
        + " next position {}", folder, records, held.size(), torn, corrupt, next);
    return new Opened(lockChannel, held, released, next, torn, corrupt);
  }

  private static void prepare(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new SpoolException("Spool folder " + folder + " could not be created: " + e
          + " (a file in the way, or a parent Kelvin may not write?)", e);
    }
    if (!Files.isWritable(folder)) {
      throw new SpoolException("Spool folder " + folder + " is not writable by this process;"
          + " give Kelvin's user write access or choose another folder");
    }
  }

  private static FileChannel lock(Path folder) {
    Path file = folder.resolve(LOCK_NAME);
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      if (channel.tryLock() == null) {
        throw inUse(folder, file, "another process holds it");
      }
      return channel;
    } catch (OverlappingFileLockException e) {
      closeQuietly(channel);
      throw inUse(folder, file, "a spool in this process has it open");
    } catch (IOException e) {
      closeQuietly(channel);
      throw new SpoolException("Spool folder " + folder + " could not be locked through " + file
          + ": " + e + " (is the folder writable?)", e);
    } catch (SpoolException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static SpoolException inUse(Path folder, Path file, String who) {
    return new SpoolException("Spool folder " + folder + " is in use: " + who + " (lock " + file
        + "); give each Kelvin instance a spool folder of its own");
  }

  /** The segment files, oldest first; any file the spool did not write is refused. */
  private static List<Path> segmentFiles(Path folder) throws IOException {
    List<Path> segments = new ArrayList<>();
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
        String name = entry.getFileName().toString();
        OptionalLong base = SegmentFormat.baseOf(entry);
        if (base.isPresent() && Files.isRegularFile(entry)) {
          segments.add(entry);
        } else if (name.equals(CursorFile.TEMP_NAME)) {
          Files.delete(entry);
        } else if (!name.equals(LOCK_NAME) && !name.equals(CursorFile.NAME)) {
          throw new SpoolException("Spool folder " + folder + " holds " + entry + ", which is"
              + " not a spool file (segments are named like " + SegmentFormat.fileName(0)
              + "); give the spool a folder of its own");
        }
      }
    }
    return segments;
  }

  static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing {} failed: {}", channel, e.toString());
    }
  }
}
