package dev.kelvin.app.simulate;

import dev.kelvin.app.config.YamlFiles;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioPaths;
import dev.kelvin.simulator.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario files: YAML read the way {@code kelvin run} reads {@code kelvin.yaml} (one document,
 * a map at the top, no key twice) and mapped onto a {@link Scenario} by the simulator's
 * {@link ScenarioReader}. A file that cannot be read stops with a
 * {@link dev.kelvin.app.StartupException}, a scenario that is wrong with a
 * {@link ConfigException}; each is one line naming the file.
 */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /**
   * The scenario in {@code file}; relative paths in it are looked for in its folder, then in
   * the working folder.
   */
  public static Scenario read(Path file) {
    return read(file, Path.of(""));
  }

  /** As {@link #read(Path)}, with relative paths looked for in {@code workingFolder} second. */
  public static Scenario read(Path file, Path workingFolder) {
    Path folder = file.toAbsolutePath().getParent();
    return ScenarioReader.read(YamlFiles.read(file, "--scenario"),
        new ScenarioPaths(folder, workingFolder));
  }

  /** Every key of a scenario file with its default, in reading order: what the docs list. */
  public static List<ConfigKey> keys() {
    return ScenarioReader.keys();
  }
}
