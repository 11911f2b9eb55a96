package dev.kelvin.simulator.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The reference data ({@code kelvin.data.dir}); a test that needs a file absent is skipped. */
final class ReferenceData {
  private ReferenceData() {
  }

  static Path file(String folder, String name) {
    Path path = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve(folder).resolve(name);
    assumeTrue(Files.isRegularFile(path), "reference data not present: " + path);
    return path;
  }

  /** The one {@code .swf.gz} in a folder. */
  static Path swf(String folder) throws IOException {
    Path dir = Path.of(System.getProperty("kelvin.data.dir", "../shared/data")).resolve(folder);
    assumeTrue(Files.isDirectory(dir), "reference data not present: " + dir);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.toString().endsWith(".swf.gz")).findFirst().orElseThrow();
    }
  }
}
