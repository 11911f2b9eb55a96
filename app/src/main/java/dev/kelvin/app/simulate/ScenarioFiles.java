package dev.kelvin.app.simulate;

import dev.kelvin.app.config.YamlFiles;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigKey;
import dev.kelvin.policy.RuleConfig;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioPaths;
import dev.kelvin.simulator.scenario.ScenarioReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scenario files: YAML read the way {@code kelvin run} reads {@code kelvin.yaml} (one document,
 * a map at the top, no key twice) and mapped onto a {@link Scenario} by the simulator's
 * {@link ScenarioReader}; its {@code policy:} section holds the rules' settings, read as
 * {@code kelvin.yaml}'s {@code policy:} ({@link RuleConfig#parameters}). A file that cannot be read stops with a
 * {@link dev.kelvin.app.StartupException}, a scenario that is wrong with a
 * {@link ConfigException}; each is one line naming the file.
 */
public final class ScenarioFiles {
  private ScenarioFiles() {}

  /** A scenario and the settings of its rules (its {@code policy:} section). */
  public record Loaded(Scenario scenario, RuleParameters rules) {
    public Loaded {
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(rules, "rules");
    }
  }

  /**
   * The scenario in {@code file}; relative paths in it are looked for in its folder, then in
   * the working folder.
   */
  public static Scenario read(Path file) {
    return load(file).scenario();
  }

  /** As {@link #read(Path)}, with relative paths looked for in {@code workingFolder} second. */
  public static Scenario read(Path file, Path workingFolder) {
    return load(file, workingFolder).scenario();
  }

  /** The scenario in {@code file} with its rule settings, as {@link #read(Path)} finds it. */
  public static Loaded load(Path file) {
    return load(file, Path.of(""));
  }

  /** As {@link #load(Path)}, with relative paths looked for in {@code workingFolder} second. */
  public static Loaded load(Path file, Path workingFolder) {
    Path folder = file.toAbsolutePath().getParent();
    AtomicReference<RuleParameters> rules = new AtomicReference<>();
    Scenario scenario = ScenarioReader.read(YamlFiles.read(file, "--scenario"),
        new ScenarioPaths(folder, workingFolder),
        policy -> rules.set(RuleConfig.parameters(policy)));
    return new Loaded(scenario, rules.get());
  }

  /** Every key of a scenario file with its default, in reading order: what the docs list. */
  public static List<ConfigKey> keys() {
    return ScenarioReader.keys(RuleConfig::parameters);
  }
}
