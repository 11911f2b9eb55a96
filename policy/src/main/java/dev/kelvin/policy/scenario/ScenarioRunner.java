package dev.kelvin.policy.scenario;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.policy.PolicyException;
import dev.kelvin.policy.RulePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs scenarios through {@link RulePolicy#decide}, the call the control loop makes, with each
 * scenario's settings, and compares the actions with the expected ones exactly: every expected
 * action must be proposed once, and nothing else.
 */
public final class ScenarioRunner {
  private final RulePolicy rules;

  /** Runs scenarios on the rules in force in {@code rules}. */
  public ScenarioRunner(RulePolicy rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public ScenarioResult run(Scenario scenario) {
    RulePolicy policy = rules.with(scenario.parameters(),
        new ActionIds(scenario.snapshot().at()));
    List<Action> actions;
    try {
      actions = policy.decide(scenario.snapshot(), scenario.predictions());
    } catch (PolicyException e) {
      return new ScenarioResult(scenario.file(), scenario.name(), List.of(), List.of(),
          Optional.of(e.getMessage()));
    }
    List<Action> left = new ArrayList<>(actions);
    List<String> missing = new ArrayList<>();
    for (ExpectedAction expected : scenario.expected()) {
      Optional<Action> found = left.stream().filter(expected::matches).findFirst();
      if (found.isPresent()) {
        left.remove(found.get());
      } else {
        missing.add(expected.toString());
      }
    }
    List<String> unexpected = left.stream().map(ScenarioText::describe).toList();
    return new ScenarioResult(scenario.file(), scenario.name(), missing, unexpected,
        Optional.empty());
  }

  /** Every scenario of every file in order. */
  public List<ScenarioResult> runAll(List<Scenario> scenarios) {
    return scenarios.stream().map(this::run).toList();
  }
}
