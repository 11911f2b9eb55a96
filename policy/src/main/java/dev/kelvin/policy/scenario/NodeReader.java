package dev.kelvin.policy.scenario;

import dev.kelvin.core.config.ConfigException;
import dev.kelvin.core.config.ConfigTree;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One node of a scenario: its id ({@code site/name}), rack, metrics by their wire names (the
 * defaults of a plausible 2-socket server unless given; {@code without:} lists metrics it does
 * not report), how long ago it was last heard from, and a steady history of readings every
 * {@link #STEP}, optionally with other metrics before a change ({@code changed_ago_s} and
 * {@code before:}).
 */
final class NodeReader {
  /** The interval between a scenario node's readings. */
  static final Duration STEP = Duration.ofSeconds(5);

  private NodeReader() {}

  static NodeView view(ConfigTree element, Instant at) {
    NodeId id = nodeId(element, "id", element.string("id", ""));
    RackId rack = RackId.of(element.string("rack", "r1"));
    Duration silent = GivenReader.seconds(element, "silent_s", 2);
    boolean stale = element.bool("stale", false);
    Duration history = GivenReader.seconds(element, "history_s", 60);
    MetricValues now = metrics(element, defaults());
    Optional<Duration> changedAgo = element.optionalDecimal("changed_ago_s", 0, 1e9).stream()
        .mapToObj(s -> Duration.ofMillis(Math.round(s * 1000))).findFirst();
    MetricValues before = metrics(element.section("before"), now.toBuilder());
    List<NodeReading> window = new ArrayList<>();
    Instant last = at.minus(silent);
    Instant first = last.minus(history);
    long seq = 1;
    for (Instant t = first; !t.isAfter(last); t = t.plus(STEP)) {
      boolean earlier = changedAgo.isPresent() && t.isBefore(at.minus(changedAgo.get()));
      window.add(new NodeReading(id, rack, t, seq++, earlier ? before : now,
          new java.util.TreeMap<>()));
    }
    if (!window.get(window.size() - 1).at().equals(last)) {
      window.add(new NodeReading(id, rack, last, seq, now, new java.util.TreeMap<>()));
    }
    NodeReading latest = window.get(window.size() - 1);
    return element.build(() -> new NodeView(id, rack, latest, window, last, stale));
  }

  /**
   * What the workload manager says of the node, from its {@code state:} section ({@code
   * availability}: idle, busy, suspended, booting or down, for {@code for_s}; {@code
   * drained_for_s} and {@code drained_by_kelvin} when drained); empty without the section.
   */
  static Optional<NodeAvailability> availability(ConfigTree element, NodeId id, Instant at) {
    ConfigTree state = element.section("state");
    Optional<String> name = state.optionalString("availability");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    NodeAvailability.State value = state.enumValue("availability", NodeAvailability.State.class,
        NodeAvailability.State.IDLE);
    Duration inState = GivenReader.seconds(state, "for_s", 0);
    Optional<Instant> drainedAt = state.optionalDecimal("drained_for_s", 0, 1e9).stream()
        .mapToObj(s -> at.minusMillis(Math.round(s * 1000))).findFirst();
    boolean byKelvin = state.bool("drained_by_kelvin", false);
    return Optional.of(state.build(() -> new NodeAvailability(id, value, at.minus(inState),
        drainedAt, byKelvin)));
  }

  /** A node id as {@code site/name}. */
  static NodeId nodeId(ConfigTree element, String key, String value) {
    int slash = value.indexOf('/');
    try {
      if (slash <= 0) {
        throw new IllegalArgumentException("a node id is site/name, e.g. site-a/n01");
      }
      return NodeId.of(value.substring(0, slash), value.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(element.source(), element.sectionPath() + "." + key, value,
          e.getMessage());
    }
  }

  /** 300 W, 60 °C of 85, 24 °C inlet, 50 % busy, 2600 MHz of 1200-3000 MHz, uncapped. */
  private static MetricValues.Builder defaults() {
    return MetricValues.builder()
        .set(NodeMetric.POWER_WATTS, 300)
        .set(NodeMetric.CPU_TEMP_CELSIUS, 60)
        .set(NodeMetric.CPU_TEMP_LIMIT_CELSIUS, 85)
        .set(NodeMetric.INLET_TEMP_CELSIUS, 24)
        .set(NodeMetric.CPU_UTIL_RATIO, 0.5)
        .set(NodeMetric.CPU_FREQ_MHZ, 2600)
        .set(NodeMetric.CPU_FREQ_CAP_MHZ, 3000)
        .set(NodeMetric.CPU_FREQ_MIN_MHZ, 1200)
        .set(NodeMetric.CPU_FREQ_MAX_MHZ, 3000);
  }

  /** {@code base} with the section's {@code metrics:} set and its {@code without:} cleared. */
  private static MetricValues metrics(ConfigTree section, MetricValues.Builder base) {
    ConfigTree metrics = section.section("metrics");
    for (NodeMetric metric : NodeMetric.values()) {
      if (metric.atNode()) {
        metrics.optionalDecimal(metric.wireName(), metric.min(), metric.max())
            .ifPresent(value -> base.set(metric, value));
      }
    }
    for (String name : section.stringList("without", List.of())) {
      NodeMetric metric = NodeMetric.fromWireName(name).orElseThrow(() -> new ConfigException(
          section.source(), section.sectionPath() + ".without", name, "not a node metric"));
      base.clear(metric);
    }
    return base.build();
  }
}
