package dev.kelvin.app.rules;

import dev.kelvin.app.controller.Controller;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.dashboard.Health;
import dev.kelvin.policy.RuleConfig;
import dev.kelvin.policy.RuleDirectory;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.RuleReloader;
import dev.kelvin.policy.RulesStatus;
import java.util.Optional;

/**
 * The rules of a running controller: compiled at start from the shipped files and the
 * operator's {@code policy.rules_dir}, reloaded when that folder changes (on a scheduler of
 * their own, so that compiling never delays a control tick), and reported as the {@code rules}
 * component of {@code /health}: DEGRADED, with each error's file and line, while a changed file
 * does not compile and the older rules stay in force.
 */
public final class RulesWatch {
  /** The scheduler role the reloads run on. */
  static final String ROLE = "rules";

  private RulesWatch() {}

  /**
   * Compiles the rules {@code config} names.
   *
   * @throws dev.kelvin.policy.PolicyException naming the file and line of every error: at
   *     start there are no older rules to keep
   */
  public static RulePolicy load(RuleConfig config, ActionIds ids) {
    return config.rulesDir().isEmpty() ? RulePolicy.load(config.parameters(), ids)
        : RulePolicy.load(config.parameters(), ids, RuleDirectory.of(config.rulesDir().get()));
  }

  /**
   * Starts reloading {@code rules} from {@code config}'s folder, if it names one, and adds the
   * {@code rules} component to the controller's health either way. Close what it returns to
   * stop reloading.
   */
  public static Optional<RuleReloader> start(RulePolicy rules, RuleConfig config,
      Schedulers schedulers, Controller controller) {
    Optional<RuleReloader> reloader = config.rulesDir().map(folder -> RuleReloader.start(rules,
        RuleDirectory.of(folder), schedulers.get(ROLE), config.reloadEvery()));
    report(rules, reloader, controller);
    return reloader;
  }

  /** Adds the {@code rules} component of {@code /health} for {@code rules} as reloaded. */
  public static void report(RulePolicy rules, Optional<RuleReloader> reloader,
      Controller controller) {
    controller.healthOf("rules", () -> health(rules, reloader));
  }

  static Health.Component health(RulePolicy rules, Optional<RuleReloader> reloader) {
    if (reloader.isEmpty()) {
      return new Health.Component(Health.Status.UP, rules.ruleNames().size()
          + " shipped rules in force (no policy.rules_dir)");
    }
    RulesStatus status = reloader.get().status();
    return new Health.Component(status.broken() ? Health.Status.DEGRADED : Health.Status.UP,
        (status.broken() ? "rule files changed at " + status.since() + " do not compile: "
            : "") + status.detail());
  }
}
