package dev.kelvin.core.testkit;

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
 * A {@link HistorySource} over readings held in memory, answering as the port says (per step
 * since the epoch, oldest first, no point for a step without data), for tests that need a
 * source whose answers follow from the readings stored, without InfluxDB. Thread-safe.
 */
public final class InMemoryHistory implements HistorySource {
  private final List<Stored> readings;

  /** A history of exactly {@code readings}, in any order. */
  public InMemoryHistory(List<Stored> readings) {
    this.readings = readings.stream().sorted(Comparator.comparing(Stored::at)).toList();
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
