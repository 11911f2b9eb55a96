package dev.kelvin.policy.scenario;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SensorId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a scenario's snapshot and predictions from its {@code given:} section: sites with
 * their budgets, facility readings and alarms, nodes ({@link NodeReader}), jobs, and
 * predictions. Every snapshot is taken at {@link #AT}; times in the file are seconds before it.
 */
final class GivenReader {
  /** The instant of every scenario's snapshot. */
  static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

  private GivenReader() {}

  static ClusterSnapshot snapshot(ConfigTree given) {
    TreeMap<NodeId, NodeView> nodes = new TreeMap<>();
    TreeMap<NodeId, NodeAvailability> availability = new TreeMap<>();
    for (ConfigTree element : given.sections("nodes")) {
      NodeView view = NodeReader.view(element, AT);
      if (nodes.put(view.id(), view) != null) {
        throw new ConfigException(element.source(), element.sectionPath() + ".id",
            view.id().toString(), "given twice; give each node once");
      }
      NodeReader.availability(element, view.id(), AT)
          .ifPresent(state -> availability.put(view.id(), state));
    }
    SortedMap<SiteId, SiteView> sites = sites(given.sections("sites"), nodes);
    TreeMap<JobId, Job> jobs = new TreeMap<>();
    for (ConfigTree element : given.sections("jobs")) {
      Job job = job(element);
      jobs.put(job.id(), job);
    }
    return new ClusterSnapshot(AT, nodes, sites, jobs, availability);
  }

  static List<Prediction> predictions(ConfigTree given) {
    List<Prediction> predictions = new ArrayList<>();
    for (ConfigTree element : given.sections("predictions")) {
      ConfigTree risk = element.section("failure_risk");
      ConfigTree forecast = element.section("load_forecast");
      Optional<String> node = risk.optionalString("node");
      Optional<String> site = forecast.optionalString("site");
      if (node.isPresent() == site.isPresent()) {
        throw new ConfigException(element.source(), element.sectionPath(), null, "give one"
            + " prediction per element: failure_risk: {node: ...} or load_forecast: {site: ...}");
      }
      predictions.add(node.isPresent() ? failureRisk(risk, node.get())
          : loadForecast(forecast, site.get()));
    }
    return predictions;
  }

  private static Prediction failureRisk(ConfigTree risk, String node) {
    NodeId id = NodeReader.nodeId(risk, "node", node);
    double probability = risk.decimal("probability", 0, 0, 1);
    Duration horizon = seconds(risk, "horizon_s", 3600);
    String model = risk.string("model", "scenario");
    return risk.build(() -> new FailureRisk(id, probability, horizon, model));
  }

  private static Prediction loadForecast(ConfigTree forecast, String site) {
    SiteId id = siteId(forecast, "site", site);
    Duration horizon = seconds(forecast, "horizon_s", 900);
    double power = forecast.decimal("power_w", 0, 0, 1e9);
    OptionalDouble utilization = forecast.optionalDecimal("utilization", 0, 1);
    String model = forecast.string("model", "scenario");
    return forecast.build(() -> new LoadForecast(ForecastScope.site(id), horizon, power,
        utilization, model));
  }

  private static SortedMap<SiteId, SiteView> sites(List<ConfigTree> elements,
      SortedMap<NodeId, NodeView> nodes) {
    SortedMap<SiteId, TreeSet<RackId>> racks = new TreeMap<>();
    nodes.values().forEach(view -> racks.computeIfAbsent(view.id().site(),
        site -> new TreeSet<>()).add(view.rack()));
    SortedMap<SiteId, SiteView> sites = new TreeMap<>();
    for (ConfigTree element : elements) {
      SiteView site = site(element, racks);
      if (sites.put(site.id(), site) != null) {
        throw new ConfigException(element.source(), element.sectionPath() + ".id",
            site.id().toString(), "given twice; give each site once");
      }
    }
    racks.forEach((id, siteRacks) -> sites.computeIfAbsent(id, known ->
        new SiteView(id, siteRacks, List.of(), List.of(), List.of())));
    return sites;
  }

  private static SiteView site(ConfigTree element, SortedMap<SiteId, TreeSet<RackId>> racks) {
    SiteId id = siteId(element, "id", element.string("id", ""));
    TreeSet<RackId> siteRacks = new TreeSet<>(racks.getOrDefault(id, new TreeSet<>()));
    List<PowerBudget> budgets = new ArrayList<>();
    OptionalDouble budget = element.optionalDecimal("budget_w", 1, PowerBudget.MAX_WATTS);
    budget.ifPresent(watts -> budgets.add(PowerBudget.ofSite(id, watts)));
    ConfigTree rackBudgets = element.section("rack_budgets_w");
    for (RackId rack : siteRacks) {
      rackBudgets.optionalDecimal(rack.value(), 1, PowerBudget.MAX_WATTS)
          .ifPresent(watts -> budgets.add(PowerBudget.ofRack(id, rack, watts)));
    }
    List<FacilityReading> facility = facility(element.section("facility"), id);
    List<Alarm> alarms = new ArrayList<>();
    for (ConfigTree alarm : element.sections("alarms")) {
      alarms.add(alarm(alarm, id));
    }
    return element.build(() -> new SiteView(id, siteRacks, budgets, facility, alarms));
  }

  private static List<FacilityReading> facility(ConfigTree section, SiteId site) {
    List<FacilityReading> readings = new ArrayList<>();
    for (FacilityKind kind : FacilityKind.values()) {
      if (kind.isAlarm()) {
        continue;
      }
      String key = facilityKey(kind);
      section.optionalDecimal(key, -1e12, 1e12).ifPresent(value -> readings.add(
          section.build(() -> new FacilityReading(new SensorId(key), site, AT,
              kind, kind.check(value)))));
    }
    return readings;
  }

  /** A measurement's key, in the style of the node metrics: {@code outdoor_temp_c}. */
  static String facilityKey(FacilityKind kind) {
    String name = kind.name().toLowerCase(Locale.ROOT);
    if (name.endsWith("_celsius")) {
      return name.substring(0, name.length() - "elsius".length());
    }
    return name.endsWith("_watts") ? name.substring(0, name.length() - "atts".length()) : name;
  }

  private static Alarm alarm(ConfigTree element, SiteId site) {
    String kindName = element.string("kind", "");
    FacilityKind kind = alarmKind(element, kindName);
    String sensor = element.string("sensor", kindName.isEmpty() ? "alarm" : kindName);
    Duration open = seconds(element, "open_s", 60);
    return element.build(() -> new Alarm(new SensorId(sensor), site, kind, AT.minus(open), AT));
  }

  private static FacilityKind alarmKind(ConfigTree element, String name) {
    for (FacilityKind kind : FacilityKind.values()) {
      if (kind.isAlarm() && kind.name().toLowerCase(Locale.ROOT).equals(name)) {
        return kind;
      }
    }
    throw new ConfigException(element.source(), element.sectionPath() + ".kind", name,
        "not an alarm; one of " + java.util.Arrays.stream(FacilityKind.values())
            .filter(FacilityKind::isAlarm).map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
  }

  private static Job job(ConfigTree element) {
    String id = element.string("id", "");
    SiteId site = siteId(element, "site", element.string("site", ""));
    List<NodeId> nodes = element.stringList("nodes", List.of()).stream()
        .map(node -> NodeReader.nodeId(element, "nodes", node)).toList();
    int size = element.integer("size", Math.max(1, nodes.size()), 1, 1_000_000);
    Duration running = seconds(element, "running_s", nodes.isEmpty() ? 0 : 60);
    Duration submitted = seconds(element, "submitted_ago_s", running.toSeconds() + 60);
    Duration requested = seconds(element, "requested_s", 3600);
    long priority = element.longInteger("priority", 0, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
    boolean deferrable = element.bool("deferrable", false);
    Optional<Duration> heldFor = element.optionalDecimal("held_for_s", 0, 1e9).stream()
        .mapToObj(s -> Duration.ofMillis(Math.round(s * 1000))).findFirst();
    Optional<Duration> checkpoint = element.optionalDecimal("checkpoint_ago_s", 0, 1e9).stream()
        .mapToObj(s -> Duration.ofMillis(Math.round(s * 1000))).findFirst();
    if (id.isEmpty()) {
      throw new ConfigException(element.source(), element.sectionPath() + ".id", null,
          "missing; give each job an id");
    }
    return element.build(() -> new Job(new JobId(id), site, nodes.isEmpty() ? Job.State.PENDING
        : Job.State.RUNNING, nodes, size, AT.minus(submitted), nodes.isEmpty() ? Optional.empty()
        : Optional.of(AT.minus(running)), requested, priority, deferrable,
        checkpoint.map(AT::minus), heldFor.map(AT::plus)));
  }

  static SiteId siteId(ConfigTree element, String key, String value) {
    try {
      return SiteId.of(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(element.source(), element.sectionPath() + "." + key, value,
          e.getMessage());
    }
  }

  static Duration seconds(ConfigTree element, String key, double defaultSeconds) {
    double value = element.decimal(key, defaultSeconds, 0, 1e9);
    return Duration.ofMillis(Math.round(value * 1000));
  }
}
