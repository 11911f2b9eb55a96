package dev.kelvin.policy.scenario;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.SetpointAction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An action a scenario expects: its type and target, and where given the rule that proposes it
 * and its setpoint (compared within {@link #TOLERANCE}).
 */
public record ExpectedAction(ActionType type, String target, Optional<String> rule,
    OptionalDouble value) {
  /** How close a setpoint must be to the expected value. */
  public static final double TOLERANCE = 1e-6;

  public ExpectedAction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(value, "value");
  }

  /** Whether {@code action} is this one. */
  public boolean matches(Action action) {
    if (action.type() != type || !action.target().equals(target)
        || rule.isPresent() && !rule.get().equals(action.rule())) {
      return false;
    }
    if (value.isEmpty()) {
      return true;
    }
    return action instanceof SetpointAction setpoint
        && Math.abs(setpoint.value() - value.getAsDouble()) <= TOLERANCE;
  }

  @Override
  public String toString() {
    return ScenarioText.name(type) + " " + target + rule.map(name -> " by " + name).orElse("")
        + (value.isPresent() ? " value " + ScenarioText.number(value.getAsDouble()) : "");
  }
}
