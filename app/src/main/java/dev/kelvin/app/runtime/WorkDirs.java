package dev.kelvin.app.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scratch folders that no crash leaves behind for good: each process works in
 * {@code <base>/<prefix>-<pid>}, and claiming one first deletes the folders of the same prefix
 * whose process is gone (a {@code kill -9}, a power cut), so a restart cleans up what the last
 * run could not.
 */
public final class WorkDirs {
  private static final Logger LOG = LoggerFactory.getLogger(WorkDirs.class);

  private WorkDirs() {}

  /** The default base: {@code <java.io.tmpdir>/kelvin-work}. */
  public static Path defaultBase() {
    return Path.of(System.getProperty("java.io.tmpdir"), "kelvin-work");
  }

  /**
   * Deletes the folders {@code <base>/<prefix>-<pid>} of processes that no longer run, then
   * creates (empty) and returns this process's own.
   */
  public static Path claim(Path base, String prefix) {
    try {
      Files.createDirectories(base);
      removeOrphans(base, prefix);
      Path mine = base.resolve(prefix + "-" + ProcessHandle.current().pid());
      delete(mine);
      return Files.createDirectories(mine);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot create a work folder under " + base + ": " + e
          + " (is it writable?)", e);
    }
  }

  /** Deletes {@code folder} and everything in it, quietly. */
  public static void release(Path folder) {
    try {
      delete(folder);
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("could not delete {}: {}", folder, e.toString());
    }
  }

  /** The folders of {@code prefix} under {@code base} whose process is gone, deleted. */
  static int removeOrphans(Path base, String prefix) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, prefix + "-*")) {
      for (Path folder : folders) {
        if (orphaned(folder, prefix)) {
          delete(folder);
          removed++;
          LOG.info("removed {}, left behind by a run that did not stop cleanly", folder);
        }
      }
    }
    return removed;
  }

  private static boolean orphaned(Path folder, String prefix) {
    String suffix = folder.getFileName().toString().substring(prefix.length() + 1);
    try {
      long pid = Long.parseLong(suffix);
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty();
    } catch (NumberFormatException notOurs) {
      return false;
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
