package dev.kelvin.telemetry.store.history;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.telemetry.store.LinePoints;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The InfluxQL statements behind {@link InfluxHistory}, over the schema of {@link LinePoints}:
 * measurement {@code node}, tags {@code site} and {@code node}, one field per metric wire name.
 * Every statement groups by {@code time(step)} with {@code fill(none)}, so a step with no data
 * gives no row. A node's series is its metric's mean ({@code mean()}) or last value ({@code
 * last()}) per step. Site power is a subquery: each node's mean power per step (grouped by site and
 * node, since node names are unique only within a site), summed per step. Thread-safe.
 */
final class HistoryQueries {
  private final String measurement;

  /** Queries of {@code database}; {@code retentionPolicy} empty reads the default policy. */
  HistoryQueries(String database, Optional<String> retentionPolicy) {
    this.measurement = retentionPolicy
        .map(rp -> InfluxQl.identifier(database) + "." + InfluxQl.identifier(rp) + ".")
        .orElse("") + InfluxQl.identifier(LinePoints.NODE);
  }

  /**
   * The sum per step of each node's mean {@code power_w} in {@code [start, to)}, of one site or
   * of all; {@code start} is already aligned to {@code step}.
   */
  String sitePower(Optional<SiteId> site, Instant start, Instant to, Duration step) {
    String range = range(start, to);
    String power = InfluxQl.identifier(NodeMetric.POWER_WATTS.wireName());
    String where = site.map(s -> range + " AND " + tagIs("site", s.value())).orElse(range);
    String group = " GROUP BY time(" + InfluxQl.duration(step) + ")";
    return "SELECT sum(\"mean\") FROM (SELECT mean(" + power + ") FROM " + measurement
        + " WHERE " + where + group + ", " + InfluxQl.identifier("site") + ", "
        + InfluxQl.identifier("node") + " fill(none)) WHERE " + range + group + " fill(none)";
  }

  /**
   * The mean per step of one node-level {@code metric} of {@code node} in {@code [start, to)}.
   *
   * @throws IllegalArgumentException when {@code metric} is reported per device only
   */
  String nodeSeries(NodeId node, NodeMetric metric, Instant start, Instant to, Duration step) {
    return nodeSelect("mean", node, metric, start, to, step);
  }

  /**
   * The last value per step of one node-level {@code metric} of {@code node} in {@code [start,
   * to)}; InfluxDB stamps each row with its step's start, as for the mean.
   *
   * @throws IllegalArgumentException when {@code metric} is reported per device only
   */
  String nodeLast(NodeId node, NodeMetric metric, Instant start, Instant to, Duration step) {
    return nodeSelect("last", node, metric, start, to, step);
  }

  /** {@code function} (an InfluxQL aggregate or selector) of one node's metric per step. */
  private String nodeSelect(String function, NodeId node, NodeMetric metric, Instant start,
      Instant to, Duration step) {
    if (!metric.atNode()) {
      throw new IllegalArgumentException("metric " + metric.wireName() + " is reported per"
          + " device only, not for the whole node; ask for a node-level metric");
    }
    return "SELECT " + function + "(" + InfluxQl.identifier(metric.wireName()) + ") FROM "
        + measurement + " WHERE " + range(start, to) + " AND "
        + tagIs("site", node.site().value()) + " AND " + tagIs("node", node.name())
        + " GROUP BY time(" + InfluxQl.duration(step) + ") fill(none)";
  }

  private static String range(Instant start, Instant to) {
    return "time >= " + InfluxQl.time(start) + " AND time < " + InfluxQl.time(to);
  }

  private static String tagIs(String tag, String value) {
    return InfluxQl.identifier(tag) + " = " + InfluxQl.literal(value);
  }
}
