package dev.kelvin.app.simulate;

import java.nio.file.Path;

/**
 * The reference data folder (job traces, power curves, failure logs): the {@code
 * kelvin.data.dir} system property, else {@code ../shared/data} beside the working folder.
 * Nothing in it ships with Kelvin; the demo needs none of it.
 */
final class DataFolder {
  static final String PROPERTY = "kelvin.data.dir";
  static final String DEFAULT = "../shared/data";

  private DataFolder() {}

  static Path path() {
    return Path.of(System.getProperty(PROPERTY, DEFAULT));
  }
}
