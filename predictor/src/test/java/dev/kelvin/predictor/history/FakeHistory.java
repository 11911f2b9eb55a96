package dev.kelvin.predictor.history;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.testkit.InMemoryHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A history source for tests: each series is a function of the step's start (null: no data in
 * that step), answered in steps as the port says, the means ({@link #node}) apart from the last
 * values ({@link #nodeLast(NodeId, NodeMetric, Function)}, asked as {@code last:<series>});
 * the nodes' failures follow from the changes of availability given ({@link #changes}, answered
 * by the test kit's {@link InMemoryHistory}, asked as {@code failures:<site or *>}); every
 * question is recorded; {@link #down} makes every question throw {@link
 * HistorySource.Unavailable}.
 */
public final class FakeHistory implements HistorySource {
  /** One question asked: the series, the range and the step. */
  public record Asked(String series, Instant from, Instant to, Duration step) {}

  /** The prefix of a series of last values. */
  public static final String LAST = "last:";

  private final Map<String, Function<Instant, Double>> series = new HashMap<>();
  private final List<Asked> asked = new ArrayList<>();
  private volatile boolean down;
  private volatile HistorySource changes = new InMemoryHistory(List.of());

  /** The nodes' changes of availability, their failures read back as the port says. */
  public FakeHistory changes(List<NodeAvailability> stored) {
    changes = new InMemoryHistory(List.of(), stored);
    return this;
  }

  @Override
  public List<NodeFailures> nodeFailures(Optional<SiteId> site, Instant from, Instant to) {
    synchronized (this) {
      asked.add(new Asked("failures:" + site.map(SiteId::value).orElse("*"), from, to,
          Duration.ZERO));
      if (down) {
        throw new Unavailable("InfluxDB at 127.0.0.1:1 database kelvin", "no answer (down?)",
            null);
      }
    }
    return changes.nodeFailures(site, from, to);
  }

  /** {@code metric} of {@code node} per step start. */
  public FakeHistory node(NodeId node, NodeMetric metric, Function<Instant, Double> values) {
    series.put(key(node, metric), values);
    return this;
  }

  /** The last value of {@code metric} of {@code node} per step start. */
  public FakeHistory nodeLast(NodeId node, NodeMetric metric, Function<Instant, Double> values) {
    series.put(LAST + key(node, metric), values);
    return this;
  }

  /** From now on every question is unavailable. */
  public FakeHistory down() {
    down = true;
    return this;
  }

  /** From now on questions are answered again. */
  public FakeHistory up() {
    down = false;
    return this;
  }

  public synchronized List<Asked> asked() {
    return List.copyOf(asked);
  }

  @Override
  public List<PowerPoint> sitePower(Optional<SiteId> site, Instant from, Instant to,
      Duration step) {
    return answer(site.orElseThrow().value(), from, to, step).stream()
        .map(point -> new PowerPoint(point.at(), point.value())).toList();
  }

  @Override
  public List<MetricPoint> nodeSeries(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step) {
    return answer(key(node, metric), from, to, step);
  }

  @Override
  public List<MetricPoint> nodeLast(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step) {
    return answer(LAST + key(node, metric), from, to, step);
  }

  private synchronized List<MetricPoint> answer(String key, Instant from, Instant to,
      Duration step) {
    asked.add(new Asked(key, from, to, step));
    if (down) {
      throw new Unavailable("InfluxDB at 127.0.0.1:1 database kelvin", "no answer (down?)",
          null);
    }
    Instant start = HistorySource.checkRange(from, to, step);
    Function<Instant, Double> values = series.getOrDefault(key, at -> null);
    List<MetricPoint> points = new ArrayList<>();
    for (Instant at = start; at.isBefore(to); at = at.plus(step)) {
      Double value = values.apply(at);
      if (value != null) {
        points.add(new MetricPoint(at, value));
      }
    }
    return points;
  }

  private static String key(NodeId node, NodeMetric metric) {
    return node.site().value() + "/" + node.name() + "/" + metric.wireName();
  }
}
