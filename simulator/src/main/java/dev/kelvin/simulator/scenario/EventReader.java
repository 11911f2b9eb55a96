package dev.kelvin.simulator.scenario;

import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One element of the {@code events} list: a disaster striking a site for a while. */
final class EventReader {
  private static final Duration YEARS_100 = Duration.ofDays(36_500);

  private EventReader() {}

  static ScenarioEvent read(ConfigTree element) {
    Optional<String> kind = element.optionalString("kind");
    Optional<String> site = element.optionalString("site");
    Duration at = element.duration("at", Duration.ZERO, Duration.ZERO, YEARS_100);
    Duration duration = element.duration("duration", Duration.ofHours(1),
        Duration.ofSeconds(1), YEARS_100);
    double rise = element.decimal("supply_rise_k", ScenarioEvent.DEFAULT_SUPPLY_RISE_K, 0, 60);
    Duration shutdown = element.duration("shutdown_after", ScenarioEvent.DEFAULT_SHUTDOWN_AFTER,
        Duration.ZERO, Duration.ofDays(1));
    String name = kind.orElseThrow(() -> ScenarioKeys.missing(element, "kind",
        "e.g. kind: utility_power_loss"));
    return new ScenarioEvent(kind(element, name), at, duration, site.orElseThrow(
        () -> ScenarioKeys.missing(element, "site", "name the site it strikes, e.g. site: a")),
        rise, shutdown);
  }

  /** Refuses an event at a site the scenario does not have. */
  static void requireSites(ConfigTree root, List<ScenarioSite> sites,
      List<ScenarioEvent> events) {
    for (ScenarioEvent event : events) {
      if (sites.stream().noneMatch(site -> site.name().equals(event.site()))) {
        throw refused(root, "events", quoted(event.site()), "names no site of the scenario"
            + " (sites: " + sites.stream().map(ScenarioSite::name).toList() + ")");
      }
    }
  }

  private static ScenarioEvent.Kind kind(ConfigTree element, String name) {
    try {
      return ScenarioEvent.Kind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw refused(element, "kind", quoted(name), "must be one of utility_power_loss,"
          + " cooling_failure, fire, flood, network_partition");
    }
  }
}
