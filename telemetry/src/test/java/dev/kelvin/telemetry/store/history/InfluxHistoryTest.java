package dev.kelvin.telemetry.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.port.HistorySource.MetricPoint;
import dev.kelvin.core.port.HistorySource.PowerPoint;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.influxdb.InfluxDBIOException;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.Test;

/** The answers of influxdb-java's client, faked, turned into points or failures. */
class InfluxHistoryTest {
  private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);
  private static final Duration STEP = Duration.ofSeconds(10);
  private static final String BACKEND = "InfluxDB at 127.0.0.1:8086 database kelvin";

  private final List<String> asked = new ArrayList<>();

  private InfluxHistory answering(Function<String, QueryResult> answer) {
    return new InfluxHistory(new HistoryQueries("kelvin", Optional.empty()), query -> {
      asked.add(query);
      return answer.apply(query);
    }, () -> {}, BACKEND);
  }

  private static QueryResult rows(List<?>... rows) {
    QueryResult.Series series = new QueryResult.Series();
    series.setName("node");
    series.setColumns(List.of("time", "sum"));
    List<List<Object>> values = new ArrayList<>();
    for (List<?> row : rows) {
      values.add(new ArrayList<>(row));
    }
    series.setValues(values);
    QueryResult.Result result = new QueryResult.Result();
    result.setSeries(List.of(series));
    QueryResult answer = new QueryResult();
    answer.setResults(List.of(result));
    return answer;
  }

  private static QueryResult noSeries() {
    QueryResult answer = new QueryResult();
    answer.setResults(List.of(new QueryResult.Result()));
    return answer;
  }

  @Test
  void turns_rows_of_epoch_milliseconds_and_sums_into_power_points() {
    InfluxHistory history = answering(query -> rows(List.of(1.7e12, 2500.0),
        List.of(1.70000001e12, 2600.5)));

    List<PowerPoint> points = history.sitePower(Optional.of(SiteId.of("site-a")), T0,
        T0.plusSeconds(60), STEP);

    assertThat(points).containsExactly(new PowerPoint(T0, 2500.0),
        new PowerPoint(T0.plusSeconds(10), 2600.5));
    assertThat(asked).singleElement().asString().contains("'site-a'");
  }

  @Test
  void a_range_with_no_data_answers_empty_not_zeros() {
    InfluxHistory history = answering(query -> noSeries());

    assertThat(history.sitePower(Optional.empty(), T0, T0.plusSeconds(60), STEP)).isEmpty();
    assertThat(history.nodeSeries(NodeId.of("site-a", "n01"), NodeMetric.POWER_WATTS, T0,
        T0.plusSeconds(60), STEP)).isEmpty();
  }

  @Test
  void skips_a_step_whose_value_is_null() {
    InfluxHistory history = answering(query -> rows(Arrays.asList(1.7e12, null),
        List.of(1.70000001e12, 41.5)));

    List<MetricPoint> points = history.nodeSeries(NodeId.of("site-a", "n01"),
        NodeMetric.CPU_TEMP_CELSIUS, T0, T0.plusSeconds(60), STEP);

    assertThat(points).containsExactly(new MetricPoint(T0.plusSeconds(10), 41.5));
  }

  @Test
  void node_last_turns_rows_into_points_stamped_with_the_step_start_and_skips_nulls() {
    InfluxHistory history = answering(query -> rows(List.of(1.7e12, 12.0),
        Arrays.asList(1.70000001e12, null), List.of(1.70000002e12, 15.0)));

    List<MetricPoint> points = history.nodeLast(NodeId.of("site-a", "n01"),
        NodeMetric.ECC_CORRECTABLE_TOTAL, T0.plusMillis(4_321), T0.plusSeconds(60), STEP);

    assertThat(points).containsExactly(new MetricPoint(T0, 12.0),
        new MetricPoint(T0.plusSeconds(20), 15.0));
    assertThat(asked).singleElement().asString().startsWith("SELECT last(")
        .contains("time >= 1700000000000ms");
  }

  @Test
  void node_last_without_an_answer_is_unavailable_and_a_long_range_is_refused_unasked() {
    InfluxHistory history = answering(query -> {
      throw new InfluxDBIOException(new IOException("connection refused"));
    });
    NodeId node = NodeId.of("site-a", "n01");

    assertThatThrownBy(() -> history.nodeLast(node, NodeMetric.ECC_CORRECTABLE_TOTAL, T0,
        T0.plusSeconds(60), STEP)).isInstanceOf(HistorySource.Unavailable.class)
        .hasMessageStartingWith(BACKEND);
    asked.clear();
    assertThatThrownBy(() -> history.nodeLast(node, NodeMetric.ECC_CORRECTABLE_TOTAL, T0,
        T0.plus(Duration.ofDays(2)), STEP)).isInstanceOf(IllegalArgumentException.class);
    assertThat(asked).isEmpty();
  }

  @Test
  void asks_from_the_start_of_the_step_that_holds_from() {
    InfluxHistory history = answering(query -> noSeries());

    history.sitePower(Optional.empty(), T0.plusMillis(4_321), T0.plusSeconds(60), STEP);

    assertThat(asked).singleElement().asString().contains("time >= 1700000000000ms");
  }

  @Test
  void an_influxql_error_is_unavailable_naming_the_backend_and_the_error() {
    QueryResult.Result failed = new QueryResult.Result();
    failed.setError("database not found: kelvin");
    QueryResult answer = new QueryResult();
    answer.setResults(List.of(failed));
    InfluxHistory history = answering(query -> answer);

    assertThatThrownBy(() -> history.sitePower(Optional.empty(), T0, T0.plusSeconds(60), STEP))
        .isInstanceOf(HistorySource.Unavailable.class)
        .hasMessage(BACKEND + ": the query was refused: database not found: kelvin");
  }

  @Test
  void no_answer_is_unavailable_with_a_hint_at_the_timeout() {
    InfluxHistory history = answering(query -> {
      throw new InfluxDBIOException(new IOException("timeout"));
    });

    assertThatThrownBy(() -> history.sitePower(Optional.empty(), T0, T0.plusSeconds(60), STEP))
        .isInstanceOf(HistorySource.Unavailable.class)
        .hasMessageContaining(BACKEND).hasMessageContaining("read_timeout")
        .hasMessageContaining("timeout");
  }

  @Test
  void a_range_of_too_many_steps_is_refused_before_any_query() {
    InfluxHistory history = answering(query -> noSeries());

    assertThatThrownBy(() -> history.sitePower(Optional.empty(), T0, T0.plus(Duration.ofDays(2)),
        STEP)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("17280 points");
    assertThat(asked).isEmpty();
  }
}
