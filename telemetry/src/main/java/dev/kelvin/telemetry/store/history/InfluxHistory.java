package dev.kelvin.telemetry.store.history;

import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.LinePoints;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * History read back from the InfluxDB 1.x that {@code InfluxStore} writes to, with InfluxQL
 * over a client of its own (influxdb-java, the store's URL, database, retention policy, login
 * and timeouts). Each call is one HTTP query, bounded by {@link HistorySource#MAX_POINTS} rows
 * and by the settings' connect and read timeouts. A failure (no answer, a timeout, a refused
 * login, a missing database, an InfluxQL error) throws {@link HistorySource.Unavailable} naming
 * the server and database; the password travels in a basic authentication header and appears
 * in no message. Thread-safe.
 */
public final class InfluxHistory implements HistorySource, AutoCloseable {
  /** The state of a failed node as {@code node_state} stores it. */
  private static final String DOWN = LinePoints.state(NodeAvailability.State.DOWN);
  private final HistoryQueries queries;
  private final Function<String, QueryResult> run;
  private final Runnable closer;
  private final String backend;

  /** A history over the database of {@code settings}; connects on the first query. */
  public InfluxHistory(InfluxSettings settings) {
    this(settings, connect(settings));
  }

  private InfluxHistory(InfluxSettings settings, InfluxDB client) {
    this(new HistoryQueries(settings.database(), settings.retentionPolicy()),
        influxQl -> client.query(new Query(influxQl, settings.database()),
            TimeUnit.MILLISECONDS),
        client::close, "InfluxDB at " + settings.url().getHost() + ":"
            + settings.url().getPort() + " database " + settings.database());
  }

  /** For tests: {@code run} answers a statement as influxdb-java's client would. */
  InfluxHistory(HistoryQueries queries, Function<String, QueryResult> run, Runnable closer,
      String backend) {
    this.queries = Objects.requireNonNull(queries, "queries");
    this.run = Objects.requireNonNull(run, "run");
    this.closer = closer;
    this.backend = backend;
  }

  @Override
  public List<PowerPoint> sitePower(Optional<SiteId> site, Instant from, Instant to,
      Duration step) {
    Objects.requireNonNull(site, "site");
    Instant start = HistorySource.checkRange(from, to, step);
    List<PowerPoint> points = new ArrayList<>();
    for (List<Object> row : rows(queries.sitePower(site, start, to, step))) {
      Double watts = number(row, 1);
      if (watts != null) {
        points.add(new PowerPoint(time(row), watts));
      }
    }
    return points;
  }

  @Override
  public List<MetricPoint> nodeSeries(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(metric, "metric");
    Instant start = HistorySource.checkRange(from, to, step);
    return metricPoints(queries.nodeSeries(node, metric, start, to, step));
  }

  @Override
  public List<MetricPoint> nodeLast(NodeId node, NodeMetric metric, Instant from, Instant to,
      Duration step) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(metric, "metric");
    Instant start = HistorySource.checkRange(from, to, step);
    return metricPoints(queries.nodeLast(node, metric, start, to, step));
  }

  @Override
  public List<NodeFailures> nodeFailures(Optional<SiteId> site, Instant from, Instant to) {
    Objects.requireNonNull(site, "site");
    HistorySource.checkSpan(from, to);
    Map<NodeId, String> before = new HashMap<>();
    for (QueryResult.Series node : series(queries.lastChanges(site, from))) {
      values(node).forEach(row -> before.put(nodeOf(node), String.valueOf(row.get(1))));
    }
    Map<NodeId, List<Instant>> failures = new HashMap<>();
    for (QueryResult.Series node : series(queries.changes(site, from, to))) {
      NodeId id = nodeOf(node);
      failures.put(id, downs(values(node), DOWN.equals(before.get(id))));
    }
    TreeMap<NodeId, NodeFailures> answer = new TreeMap<>();
    for (QueryResult.Series node : series(queries.firstChanges(site, to))) {
      NodeId id = nodeOf(node);
      for (List<Object> row : values(node)) {
        Instant first = time(row);
        answer.put(id, new NodeFailures(id, first.isBefore(from) ? from : first,
            failures.getOrDefault(id, List.of())));
      }
    }
    return List.copyOf(answer.values());
  }

  /**
   * The times of the changes to {@code down} among {@code rows} (time, state; oldest first)
   * from a state that was not, as the live features count failures: a node reported down
   * again without coming back up failed once.
   */
  private List<Instant> downs(List<List<Object>> rows, boolean downBefore) {
    List<Instant> downs = new ArrayList<>();
    boolean down = downBefore;
    for (List<Object> row : rows) {
      boolean nowDown = DOWN.equals(String.valueOf(row.get(1)));
      if (nowDown && !down) {
        downs.add(time(row));
      }
      down = nowDown;
    }
    return downs;
  }

  /** The node a series grouped by site and node is of. */
  private NodeId nodeOf(QueryResult.Series series) {
    Map<String, String> tags = series.getTags() == null ? Map.of() : series.getTags();
    String site = tags.get("site");
    String node = tags.get("node");
    if (site == null || node == null || site.isEmpty() || node.isEmpty()) {
      throw unavailable("a node_state series without its site and node tags: " + tags, null);
    }
    try {
      return NodeId.of(site, node);
    } catch (IllegalArgumentException e) {
      throw unavailable("a node_state series of a node Kelvin cannot name (" + tags + "): "
          + e.getMessage(), e);
    }
  }

  /** The rows of {@code influxQl}'s answer as points; a row without a value gives none. */
  private List<MetricPoint> metricPoints(String influxQl) {
    List<MetricPoint> points = new ArrayList<>();
    for (List<Object> row : rows(influxQl)) {
      Double value = number(row, 1);
      if (value != null) {
        points.add(new MetricPoint(time(row), value));
      }
    }
    return points;
  }

  @Override
  public void close() {
    closer.run();
  }

  @Override
  public String toString() {
    return "InfluxHistory[" + backend + "]";
  }

  /** Every row of every series of the answer, in the order InfluxDB sent them. */
  private List<List<Object>> rows(String influxQl) {
    List<List<Object>> rows = new ArrayList<>();
    for (QueryResult.Series series : series(influxQl)) {
      rows.addAll(values(series));
    }
    return rows;
  }

  private static List<List<Object>> values(QueryResult.Series series) {
    return series.getValues() == null ? List.of() : series.getValues();
  }

  /** Every series of the answer, in the order InfluxDB sent them. */
  private List<QueryResult.Series> series(String influxQl) {
    QueryResult answer = ask(influxQl);
    if (answer.hasError()) {
      throw unavailable("the query was refused: " + answer.getError(), null);
    }
    List<QueryResult.Series> all = new ArrayList<>();
    for (QueryResult.Result result : answer.getResults() == null
        ? List.<QueryResult.Result>of() : answer.getResults()) {
      if (result.hasError()) {
        throw unavailable("the query was refused: " + result.getError(), null);
      }
      if (result.getSeries() != null) {
        all.addAll(result.getSeries());
      }
    }
    return all;
  }

  private QueryResult ask(String influxQl) {
    try {
      QueryResult answer = run.apply(influxQl);
      if (answer == null) {
        throw unavailable("no answer to the query", null);
      }
      return answer;
    } catch (InfluxDBIOException noAnswer) {
      throw unavailable("no answer (down, or slower than store.influx.read_timeout?): "
          + noAnswer.getCause(), noAnswer);
    } catch (HistorySource.Unavailable passOn) {
      throw passOn;
    } catch (RuntimeException refused) {
      throw unavailable("the query failed: " + refused.getMessage() + " (check"
          + " store.influx.username, the password file and the user's read privilege on the"
          + " database)", refused);
    }
  }

  private HistorySource.Unavailable unavailable(String message, Throwable cause) {
    return new HistorySource.Unavailable(backend, message, cause);
  }

  private Instant time(List<Object> row) {
    Double millis = number(row, 0);
    if (millis == null) {
      throw unavailable("a row without a time: " + row, null);
    }
    return Instant.ofEpochMilli(millis.longValue());
  }

  private Double number(List<Object> row, int column) {
    if (row.size() <= column || row.get(column) == null) {
      return null;
    }
    if (row.get(column) instanceof Number value) {
      return value.doubleValue();
    }
    throw unavailable("column " + column + " of a row is not a number: " + row, null);
  }

  private static InfluxDB connect(InfluxSettings settings) {
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(settings.connectTimeout().plus(settings.readTimeout()).toMillis(),
            TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false);
    String url = settings.url().toString();
    return settings.username().isPresent()
        ? InfluxDBFactory.connect(url, settings.username().get(),
            settings.password().orElse(""), http)
        : InfluxDBFactory.connect(url, http);
  }
}
