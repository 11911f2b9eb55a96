package dev.kelvin.simulator.scenario;

import static dev.kelvin.simulator.scenario.ScenarioKeys.number;
import static dev.kelvin.simulator.scenario.ScenarioKeys.quoted;
import static dev.kelvin.simulator.scenario.ScenarioKeys.refused;

import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** One element of the {@code sites} list, and the rule that site names are unique. */
final class SiteReader {
  static final int MAX_NODES = 100_000;
  /** A budget above a gigawatt is surely written in watts. */
  private static final double MAX_BUDGET_KW = 1_000_000;

  private SiteReader() {}

  /** Reads every key of {@code element} before refusing a missing or bad one. */
  static ScenarioSite read(ConfigTree element) {
    Optional<String> name = element.optionalString("name");
    OptionalDouble nodes = element.optionalDecimal("nodes", 1, MAX_NODES);
    OptionalDouble budgetKw = ScenarioKeys.positive(element, "power_budget_kw", MAX_BUDGET_KW,
        "kW (a value in W? 400 kW is written 400)");
    double carbon = element.decimal("carbon_g_per_kwh", 300, 0, 2_000);
    double price = element.decimal("price_per_kwh", 0.15, 0, 10);
    double outdoor = element.decimal("outdoor_c", 20, -50, 60);
    Duration ups = element.duration("ups_runtime", ScenarioSite.DEFAULT_UPS_RUNTIME,
        Duration.ZERO, Duration.ofDays(2));
    List<Double> carbonDaily = daily(element, "carbon_daily_g_per_kwh", 2_000);
    List<Double> priceDaily = daily(element, "price_daily_per_kwh", 10);
    SiteGpus gpus = GpuReader.read(element);
    String site = name.orElseThrow(() -> ScenarioKeys.missing(element, "name",
        "each site has a name, e.g. name: a"));
    requireSiteName(element, site);
    return new ScenarioSite(site, wholeNodes(element, nodes), budgetKw, carbon, price, outdoor,
        ups, carbonDaily, priceDaily, gpus);
  }

  private static List<Double> daily(ConfigTree element, String key, double max) {
    List<Double> values = element.decimalList(key, 0, max);
    if (!values.isEmpty() && values.size() != ScenarioSite.HOURS_PER_DAY) {
      throw ScenarioKeys.refused(element, key, values.size() + " values", "must give one value"
          + " per hour of the day, 24 in all, from 00:00");
    }
    return values;
  }

  /** Refuses the second site of a name, naming both. */
  static void requireUniqueNames(List<ConfigTree> elements, List<ScenarioSite> sites) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < sites.size(); i++) {
      Integer first = firstIndex.putIfAbsent(sites.get(i).name(), i);
      if (first != null) {
        throw refused(elements.get(i), "name", quoted(sites.get(i).name()), "site names must be"
            + " unique; sites[" + first + "] has this name too");
      }
    }
  }

  private static void requireSiteName(ConfigTree element, String name) {
    try {
      SiteId.of(name);
    } catch (IllegalArgumentException e) {
      throw refused(element, "name", quoted(name), "not a site name: 1 to 64 letters, digits,"
          + " '.', '_' or '-', starting with a letter or digit");
    }
  }

  private static int wholeNodes(ConfigTree element, OptionalDouble nodes) {
    double count = nodes.orElseThrow(() -> ScenarioKeys.missing(element, "nodes",
        "give how many nodes the site has, e.g. nodes: 100"));
    if (count != Math.rint(count)) {
      throw refused(element, "nodes", number(count), "must be a whole number within 1.."
          + MAX_NODES);
    }
    return (int) count;
  }
}
