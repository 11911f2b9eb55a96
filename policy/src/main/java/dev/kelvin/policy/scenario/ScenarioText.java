package dev.kelvin.policy.scenario;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.action.SetpointAction;
import java.math.BigDecimal;
import java.util.Locale;

/** How scenario reports write action types, numbers and actions. */
final class ScenarioText {
  private ScenarioText() {}

  /** The type as scenarios write it: {@code set_cpu_frequency_cap}. */
  static String name(ActionType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** A number without a trailing {@code .0}. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** An action as a scenario would expect it, with its reason. */
  static String describe(Action action) {
    String value = action instanceof SetpointAction setpoint
        ? " value " + number(setpoint.value()) : "";
    return name(action.type()) + " " + action.target() + " by " + action.rule() + value
        + " (" + action.reason() + ")";
  }
}
