package dev.kelvin.simulator.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a run's reports into a folder. Every text is made before the first file is written,
 * and each file is written under a temporary name in its own folder, forced to disk and then
 * renamed into place atomically: a run that fails leaves either the complete earlier file or
 * the complete new one, never a partial report under the final name.
 */
public final class ReportFiles {
  static final String JSON = "report.json";
  static final String HTML = "report.html";
  private static final AtomicLong TEMPORARIES = new AtomicLong();

  private ReportFiles() {}

  /** Writes {@code report.json} and {@code report.html} into {@code dir}, creating it. */
  public static List<Path> write(Path dir, SimulationResult result) throws IOException {
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve(JSON), ReportJson.of(result));
    files.put(dir.resolve(HTML), ReportHtml.of(result));
    return writeAll(files);
  }

  /**
   * Writes both runs' reports into {@code none/} and {@code policy/} under {@code dir}, then
   * {@code compare.json} and {@code compare.html} into {@code dir} itself.
   *
   * @throws IllegalArgumentException when the runs are not of one scenario and seed
   */
  public static List<Path> writeComparison(Path dir, SimulationResult baseline,
      SimulationResult policy) throws IOException {
    Comparison comparison = Comparison.of(baseline, policy);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(dir.resolve("none").resolve(JSON), ReportJson.of(baseline));
    files.put(dir.resolve("none").resolve(HTML), ReportHtml.of(baseline));
    files.put(dir.resolve("policy").resolve(JSON), ReportJson.of(policy));
    files.put(dir.resolve("policy").resolve(HTML), ReportHtml.of(policy));
    files.put(dir.resolve("compare.json"), ReportJson.of(comparison));
    files.put(dir.resolve("compare.html"), ReportHtml.of(comparison));
    return writeAll(files);
  }

  private static List<Path> writeAll(Map<Path, String> files) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      writeAtomically(file.getKey(), file.getValue());
      written.add(file.getKey());
    }
    return List.copyOf(written);
  }

  /** Writes {@code text} as UTF-8 to a temporary file beside {@code target}, then renames it. */
  static void writeAtomically(Path target, String text) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // not Files.createTempFile: that makes the file readable by its owner only
    Path temporary = dir.resolve("." + target.getFileName() + "."
        + ProcessHandle.current().pid() + "." + TEMPORARIES.incrementAndGet() + ".partial");
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
          StandardOpenOption.CREATE_NEW)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw new IOException("could not write report " + target + ": " + e.getMessage()
          + " (is the folder writable and the disk not full?)", e);
    }
  }
}
