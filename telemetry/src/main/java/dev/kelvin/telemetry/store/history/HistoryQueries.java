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
 * node, since node names are unique only within a site), summed per step. The nodes' failures
 * are read from {@code node_state}: its changes, the last before the range, and each node's
 * first change.
 * Thread-safe.
 */
final class HistoryQueries {
  /** One series per node: names are unique only within a site. */
  private static final String BY_NODE = " GROUP BY " + InfluxQl.identifier("site") + ", "
      + InfluxQl.identifier("node");

  private final String measurement;
  private final String states;

  /** Queries of {@code database}; {@code retentionPolicy} empty reads the default policy. */
  HistoryQueries(String database, Optional<String> retentionPolicy) {
    String prefix = retentionPolicy
        .map(rp -> InfluxQl.identifier(database) + "." + InfluxQl.identifier(rp) + ".")
        .orElse("");
    this.measurement = prefix + InfluxQl.identifier(LinePoints.NODE);
    this.states = prefix + InfluxQl.identifier(LinePoints.NODE_STATE);
  }

  /**
   * Every change in {@code [from, to)} of the nodes of one site or of all, one series per node
   * ({@code node_state}, grouped by site and node), oldest first: a failure is a change to
   * {@code down} from a state that was not.
   */
  String changes(Optional<SiteId> site, Instant from, Instant to) {
    return "SELECT " + InfluxQl.identifier("state") + " FROM " + states + " WHERE "
        + range(from, to) + ofSite(site) + BY_NODE;
  }

  /**
   * The last change stored before {@code from} of each node of one site or of all, one series
   * per node: the state each node was in when the range began.
   */
  String lastChanges(Optional<SiteId> site, Instant from) {
    return "SELECT last(" + InfluxQl.identifier("state") + ") FROM " + states + " WHERE time < "
        + InfluxQl.time(from) + ofSite(site) + BY_NODE;
  }

  /**
   * The first change stored before {@code to} of each node of one site or of all, one series
   * per node: the row's time is the change's.
   */
  String firstChanges(Optional<SiteId> site, Instant to) {
    return "SELECT first(" + InfluxQl.identifier("state") + ") FROM " + states + " WHERE time < "
        + InfluxQl.time(to) + ofSite(site) + BY_NODE;
  }

  private static String ofSite(Optional<SiteId> site) {
    return site.map(s -> " AND " + tagIs("site", s.value())).orElse("");
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
