package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.time.Scheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code policy:} section of {@code kelvin.yaml}, read the same way by {@code kelvin run},
 * the simulator and the rule scenarios: the settings of every rule family (the thermal keys
 * flat in the section, each other family in a section of its own, {@code policy.<family>.*}),
 * and where an operator's rule files are.
 *
 * @param parameters the settings of every rule family
 * @param rulesDir the operator's folder of {@code *.drl} files, compiled with the shipped
 *     rules; empty for the shipped rules alone
 * @param reloadEvery how often the folder is looked at for changes
 */
public record RuleConfig(RuleParameters parameters, Optional<Path> rulesDir,
    Duration reloadEvery) {
  /** How often the rules folder is looked at by default. */
  public static final Duration DEFAULT_RELOAD_EVERY = Duration.ofSeconds(5);

  public RuleConfig {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(rulesDir, "rulesDir");
    Scheduler.requirePositive("policy.rules_reload_every", reloadEvery);
  }

  /** Reads {@code section}, the {@code policy:} section; relative paths resolve as it says. */
  public static RuleConfig read(ConfigTree section) {
    RuleParameters parameters = parameters(section);
    Optional<Path> folder = section.optionalPath("rules_dir");
    Duration every = section.duration("rules_reload_every", DEFAULT_RELOAD_EVERY,
        Duration.ofMillis(100), Duration.ofHours(1));
    return new RuleConfig(parameters, folder, every);
  }

  /**
   * The settings of every rule family in {@code section}, each key defaulting as the family's
   * {@code defaults()} say; what a rule scenario's {@code settings:} holds.
   */
  public static RuleParameters parameters(ConfigTree section) {
    return RuleParameters.defaults().with(thermal(section))
        .with(BudgetSettings.from(section.section("budget")))
        .with(EfficiencySettings.from(section.section("efficiency")))
        .with(CarbonSettings.from(section.section("carbon")))
        .with(FailureSettings.from(section.section("failure")))
        .with(IdleSettings.from(section.section("idle")))
        .with(FailoverSettings.from(section.section("failover")));
  }

  private static PolicySettings thermal(ConfigTree section) {
    PolicySettings defaults = PolicySettings.defaults();
    double step = section.decimal("cap_step_mhz", defaults.capStepMhz(), 1, 5_000);
    double hysteresis = section.decimal("release_hysteresis_c",
        defaults.releaseHysteresisCelsius(), 0, 50);
    double limit = section.decimal("default_cpu_temp_limit_c",
        defaults.defaultCpuTempLimitCelsius(), 30, 150);
    Duration lease = section.duration("cap_lease", defaults.capLease());
    Duration settle = section.duration("settle_time", defaults.settleTime());
    return section.build(() -> new PolicySettings(step, hysteresis, limit, lease, settle));
  }
}
