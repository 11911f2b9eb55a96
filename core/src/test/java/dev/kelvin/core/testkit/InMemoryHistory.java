package dev.kelvin.core.testkit;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.testkit.HistorySourceContract.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link HistorySource} over readings and changes of availability held in memory, answering
 * as the port says (per step since the epoch, oldest first, no point for a step without data),
 * for tests that need a source whose answers follow from what was stored, without InfluxDB. A
 * change is kept as InfluxDB keeps a point, by node and {@code since}: a later one of the same
 * node and instant replaces the earlier. Thread-safe.
 */
public final class InMemoryHistory implements HistorySource {
  private final List<Stored> readings;
  /** Per node, its changes by {@code since}. */
  private final Map<NodeId, TreeMap<Instant, NodeAvailability>> changes = new TreeMap<>();

  /** A history of exactly {@code readings}, in any order, and no change of availability. */
  public InMemoryHistory(List<Stored> readings) {
    this(readings, List.of());
  }

  /** A history of exactly {@code readings} and the nodes' {@code changes}, in any order. */
  public InMemoryHistory(List<Stored> readings, List<NodeAvailability> changes) {
    this.readings = readings.stream().sorted(Comparator.comparing(Stored::at)).toList();
    for (NodeAvailability change : changes) {
      this.changes.computeIfAbsent(change.node(), node -> new TreeMap<>())
          .put(change.since(), change);
    }
  }

  @Override
  public List<NodeFailures> nodeFailures(Optional<SiteId> site, Instant from, Instant to) {
    HistorySource.checkSpan(from, to);
    List<NodeFailures> answer = new ArrayList<>();
    changes.forEach((node, byTime) -> {
      if (site.map(s -> s.equals(node.site())).orElse(true) && byTime.firstKey().isBefore(to)) {
        Instant first = byTime.firstKey();
        answer.add(new NodeFailures(node, first.isBefore(from) ? from : first,
            downs(byTime, from, to)));
      }
    });
    return answer;
  }

  /** The changes to DOWN in {@code [from, to)} from a state that was not, as live counts. */
  private static List<Instant> downs(TreeMap<Instant, NodeAvailability> byTime, Instant from,
      Instant to) {
    Map.Entry<Instant, NodeAvailability> before = byTime.lowerEntry(from);
    boolean down = before != null && before.getValue().state() == NodeAvailability.State.DOWN;
    List<Instant> downs = new ArrayList<>();
    for (NodeAvailability change : byTime.subMap(from, true, to, false).values()) {
      boolean nowDown = change.state() == NodeAvailability.State.DOWN;
      if (nowDown && !down) {
        downs.add(change.since());
      }
      down = nowDown;
    }
    return downs;
  }

  @Override
  public List<PowerPoint> sitePower(Optional<SiteId> site, Instant from, Instant to,
      Duration step) {
    Instant start = HistorySource.checkRange(from, to, step);
    Map<Instant, Double> sums = new TreeMap<>();
    readings.stream().filter(r -> r.metric() == NodeMetric.POWER_WATTS)
        .filter(r -> site.map(s -> s.equals(r.node().site())).orElse(true))
        .map(Stored::node).distinct()
        .forEach(node -> perStep(node, NodeMetric.POWER_WATTS, start, to, step,
            InMemoryHistory::mean)
            .forEach(point -> sums.merge(point.at(), point.value(), Double::sum)));
    return sums.entrySet().stream().map(e -> new PowerPoint(e.getKey(), e.getValue())).toList();
  }

  @Override
  public List<MetricPoint> nodeSeries(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step) {
    return perStep(node, metric, HistorySource.checkRange(from, to, step), to, step,
        InMemoryHistory::mean);
  }

  @Override
  public List<MetricPoint> nodeLast(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step) {
    return perStep(node, metric, HistorySource.checkRange(from, to, step), to, step,
        values -> values.get(values.size() - 1));
  }

  /** {@code of} the values of each step that has any, stamped with the step's start. */
  private List<MetricPoint> perStep(NodeId node, NodeMetric metric, Instant start, Instant to,
      Duration step, Function<List<Double>, Double> of) {
    TreeMap<Instant, List<Double>> steps = new TreeMap<>();
    long stepMillis = step.toMillis();
    for (Stored reading : readings) {
      if (reading.node().equals(node) && reading.metric() == metric
          && !reading.at().isBefore(start) && reading.at().isBefore(to)) {
        Instant at = Instant.ofEpochMilli(Math.floorDiv(reading.at().toEpochMilli(), stepMillis)
            * stepMillis);
        steps.computeIfAbsent(at, s -> new ArrayList<>()).add(reading.value());
      }
    }
    List<MetricPoint> points = new ArrayList<>(steps.size());
    steps.forEach((at, values) -> points.add(new MetricPoint(at, of.apply(values))));
    return points;
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
