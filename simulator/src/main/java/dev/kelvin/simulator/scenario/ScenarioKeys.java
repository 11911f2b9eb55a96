package dev.kelvin.simulator.scenario;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import java.math.BigDecimal;
import java.util.OptionalDouble;

/**
 * Refusals the scenario reader writes itself, in {@link ConfigException}'s one-line form, for
 * what {@link ConfigTree}'s getters cannot check: required keys, bounds that exclude zero,
 * values that depend on files or on other keys.
 */
final class ScenarioKeys {
  private ScenarioKeys() {}

  /** The full path of {@code key} in {@code section}: {@code sites[1].name}. */
  static String path(ConfigTree section, String key) {
    return section.sectionPath().isEmpty() ? key : section.sectionPath() + "." + key;
  }

  /** {@code scenario.yaml: trace.days = 0: reason}; {@code value} as the message shows it. */
  static ConfigException refused(ConfigTree section, String key, String value, String reason) {
    return new ConfigException(section.source(), path(section, key), value, reason);
  }

  /** {@code scenario.yaml: name: missing; reason}. */
  static ConfigException missing(ConfigTree section, String key, String howToWrite) {
    return refused(section, key, null, "missing; " + howToWrite);
  }

  /** Text as a message shows it: in double quotes. */
  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A number as an operator writes it: {@code 0}, {@code -1}, {@code 0.5}. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A number in {@code (0, max]} that may be left out.
   *
   * @param unitAndHint how the message names the unit and a likely mistake, {@code kW (a value
   *     in W?)}
   */
  static OptionalDouble positive(ConfigTree section, String key, double max,
      String unitAndHint) {
    OptionalDouble value = section.optionalDecimal(key, -Double.MAX_VALUE, Double.MAX_VALUE);
    value.ifPresent(given -> requirePositive(section, key, given, max, unitAndHint));
    return value;
  }

  /** A number in {@code (0, max]}, {@code defaultValue} when left out. */
  static double positive(ConfigTree section, String key, double defaultValue, double max,
      String unitAndHint) {
    double value = section.decimal(key, defaultValue, -Double.MAX_VALUE, Double.MAX_VALUE);
    requirePositive(section, key, value, max, unitAndHint);
    return value;
  }

  private static void requirePositive(ConfigTree section, String key, double value, double max,
      String unitAndHint) {
    if (!(value > 0 && value <= max)) {
      throw refused(section, key, number(value), "must be a number > 0 and <= " + number(max)
          + " " + unitAndHint);
    }
  }
}
