package dev.kelvin.simulator.scenario;

import dev.kelvin.simulator.power.DvfsExponent;
import dev.kelvin.simulator.power.SpecPowerResults;
import static dev.kelvin.simulator.scenario.ScenarioKeys.number;
import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model sections of a scenario: {@code control}, {@code power}, {@code cooling} and
 * {@code telemetry}.
 */
final class SettingsReader {
  /** The default of {@code power.server}: a two-socket Xeon E5 node of 2016. */
  static final String DEFAULT_SERVER = SpecPowerResults.DEFAULT_HPC_SERVER;
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration DAY = Duration.ofDays(1);

  private SettingsReader() {}

  /** The control section; a rules folder is looked for only by {@link #resolvePolicy}. */
  static ControlSettings control(ConfigTree section) {
    Duration interval = section.duration("interval", Duration.ofMinutes(5), SECOND, DAY);
    String policy = section.string("policy", ControlSettings.DEFAULT);
    List<String> models = section.stringList("models", List.of());
    return new ControlSettings(interval, policy, models);
  }

  /**
   * The model files {@code control.models} names, each found as {@link ScenarioPaths} says
   * and given as its absolute path; their content is read by the composition root, which
   * knows the model kinds.
   */
  static ControlSettings resolveModels(ConfigTree section, ControlSettings control,
      ScenarioPaths paths) {
    if (!control.models().isEmpty() && !control.enabled()) {
      throw refused(section, "models", control.models().toString(), "a predictor needs a"
          + " control loop: set control.policy to default or a rules folder, or leave the"
          + " models out");
    }
    List<String> found = new ArrayList<>();
    for (String written : control.models()) {
      try {
        found.add(paths.find(written, path -> Files.isRegularFile(path)
                && Files.isReadable(path)).orElseThrow(() -> refused(section, "models",
                quoted(written), "no such readable model file; tried " + paths.tried(written)
                    + " (write one with kelvin train)")).toString());
      } catch (InvalidPathException e) {
        throw refused(section, "models", quoted(written), "not a path (" + e.getReason() + ")");
      }
    }
    return control.withModels(found);
  }

  /**
   * {@code none} and {@code default} as they are; anything else is a rules folder, found as
   * {@link ScenarioPaths} says and given as its absolute path.
   */
  static ControlSettings resolvePolicy(ConfigTree section, ControlSettings control,
      ScenarioPaths paths) {
    String policy = control.policy();
    if (policy.equals(ControlSettings.NONE) || policy.equals(ControlSettings.DEFAULT)) {
      return control;
    }
    try {
      Path folder = paths.find(policy, Files::isDirectory).orElseThrow(() -> refused(section,
          "policy", quoted(policy), "must be none, default or a folder of rules; no such"
              + " folder: tried " + paths.tried(policy)));
      return control.withPolicy(folder.toString());
    } catch (InvalidPathException e) {
      throw refused(section, "policy", quoted(policy), "must be none, default or a folder of"
          + " rules (not a path: " + e.getReason() + ")");
    }
  }

  static PowerSettings power(ConfigTree section) {
    String server = section.string("server", DEFAULT_SERVER);
    double exponent = section.decimal("dvfs_exponent", DvfsExponent.HOTPOWER12, 0, 4);
    double computeBound = section.decimal("compute_bound_share", 0.8, 0, 1);
    double minClock = section.decimal("min_clock_ratio", 0.5, 0.1, 1);
    double offWatts = section.decimal("off_w", 5, 0, 100);
    Duration boot = section.duration("boot_time", Duration.ofMinutes(2), Duration.ZERO,
        Duration.ofHours(1));
    double fullLoad = section.decimal("full_load_cpu_c", PowerSettings.DEFAULT_FULL_LOAD_CPU_C,
        30, 150);
    return new PowerSettings(server, exponent, computeBound, minClock, offWatts, boot,
        fullLoad);
  }

  static CoolingSettings cooling(ConfigTree section) {
    double cop = section.decimal("cop", 4.0, 0.5, 20);
    double referenceCelsius = section.decimal("reference_outdoor_c", 20, -50, 60);
    double copPerKelvin = section.decimal("cop_per_kelvin", 0.1, 0, 1);
    double minCop = section.decimal("min_cop", 1.5, 0.5, 20);
    double overhead = section.decimal("overhead_ratio", 0.08, 0, 1);
    if (minCop > cop) {
      throw refused(section, "min_cop", number(minCop), "must not exceed cooling.cop ("
          + number(cop) + "): the COP falls from cop as the air warms and stops at min_cop");
    }
    return new CoolingSettings(cop, referenceCelsius, copPerKelvin, minCop, overhead);
  }

  static TelemetrySettings telemetry(ConfigTree section) {
    Optional<Duration> sampleEvery = section.optionalDuration("sample_every", SECOND, DAY);
    int window = section.integer("window", 10, 1, 1_000);
    double noise = section.decimal("cpu_temp_noise_c", 0, 0, 10);
    return new TelemetrySettings(sampleEvery, window, noise);
  }
}
