package dev.kelvin.datasets.failure;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The LANL failure log of the reference data (the {@code kelvin.data.dir} setting), or a skip. */
final class LanlData {
  private LanlData() {
  }

  static Path file() {
    Path file = Path.of(System.getProperty("kelvin.data.dir", "../shared/data"))
        .resolve("lanl-failures-1996-2005/LA-UR-05-7318-failure-data-1996-2005.csv.xz");
    assumeTrue(Files.isRegularFile(file), "reference data not present: " + file);
    return file;
  }

  static List<LanlFailure> log() {
    return LanlFailureLog.read(file());
  }
}
