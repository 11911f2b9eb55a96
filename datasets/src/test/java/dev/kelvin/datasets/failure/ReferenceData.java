package dev.kelvin.datasets.failure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file of the reference data (the {@code kelvin.data.dir} setting), or a skip. */
final class ReferenceData {
  private ReferenceData() {
  }

  static Path file(String relative) {
    Path file = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve(relative);
    assumeTrue(Files.isRegularFile(file), "reference data not present: " + file);
    return file;
  }
}
