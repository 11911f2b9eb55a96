package dev.kelvin.app.run;

import dev.kelvin.core.action.ActionType;
import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.policy.guard.ActionMode;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.guard.ModeTable;
import dev.kelvin.policy.guard.RateLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code guard} section: the safety guard's mode, dwell time and lease limit, the mode of
 * each action type ({@code modes}, by the types' wire names, with a {@code default} for the
 * types not named), the cluster-wide rate limits ({@code rate_limits} per
 * {@code rate_window}) and how long an identical action counts as a duplicate.
 */
final class GuardConfig {
  private GuardConfig() {}

  static GuardSettings read(ConfigTree section) {
    GuardSettings defaults = GuardSettings.defaults();
    GuardSettings.Mode mode = section.enumValue("mode", GuardSettings.Mode.class,
        defaults.mode());
    Duration dwell = section.duration("min_dwell", defaults.minDwell());
    Duration maxLease = section.duration("max_lease", defaults.maxLease());
    Duration repeat = section.duration("repeat_after", defaults.repeatAfter());
    ModeTable modes = modes(section.section("modes"));
    Duration window = section.duration("rate_window", defaults.rates().window());
    ConfigTree limits = section.section("rate_limits");
    Map<ActionType, Integer> perWindow = new EnumMap<>(ActionType.class);
    for (ActionType type : ActionType.values()) {
      perWindow.put(type, limits.integer(type.wireName(), RateLimits.defaultOf(type), 0,
          1_000_000));
    }
    return section.build(() -> new GuardSettings(mode, dwell, maxLease, modes,
        new RateLimits(window, perWindow), repeat));
  }

  /** Each type's mode: as named, else {@code default}, else its built-in mode. */
  private static ModeTable modes(ConfigTree section) {
    Optional<ActionMode> fallback = section.optionalString("default")
        .map(text -> mode(section, text));
    Map<ActionType, ActionMode> modes = new EnumMap<>(ActionType.class);
    for (ActionType type : ActionType.values()) {
      modes.put(type, section.enumValue(type.wireName(), ActionMode.class,
          fallback.orElse(ModeTable.defaultOf(type))));
    }
    return new ModeTable(modes);
  }

  private static ActionMode mode(ConfigTree section, String text) {
    String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (ActionMode mode : ActionMode.values()) {
      if (mode.name().equals(wanted)) {
        return mode;
      }
    }
    throw new ConfigException(section.source(), section.sectionPath() + ".default",
        "\"" + text + "\"", "must be one of " + Arrays.stream(ActionMode.values())
            .map(mode -> mode.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
            + " (dry_run for every type is shadow mode)");
  }
}
