package dev.kelvin.telemetry.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryQueriesTest {
  private static final Instant START = Instant.ofEpochMilli(1_700_000_000_000L);
  private static final Instant TO = START.plus(Duration.ofHours(1));
  private static final Duration STEP = Duration.ofSeconds(10);

  private final HistoryQueries queries = new HistoryQueries("kelvin", Optional.empty());

  @Test
  void site_power_sums_each_nodes_mean_per_step_of_one_site() {
    String query = queries.sitePower(Optional.of(SiteId.of("site-a")), START, TO, STEP);

    assertThat(query).isEqualTo("SELECT sum(\"mean\") FROM (SELECT mean(\"power_w\") FROM"
        + " \"node\" WHERE time >= 1700000000000ms AND time < 1700003600000ms AND \"site\" ="
        + " 'site-a' GROUP BY time(10000ms), \"site\", \"node\" fill(none)) WHERE time >="
        + " 1700000000000ms AND time < 1700003600000ms GROUP BY time(10000ms) fill(none)");
  }

  @Test
  void site_power_of_every_site_has_no_site_condition() {
    String query = queries.sitePower(Optional.empty(), START, TO, STEP);

    assertThat(query).doesNotContain("\"site\" =").contains("GROUP BY time(10000ms), \"site\","
        + " \"node\"");
  }

  @Test
  void reads_from_the_named_retention_policy_with_database_and_policy_quoted() {
    HistoryQueries withPolicy = new HistoryQueries("kel\"vin", Optional.of("one year"));

    assertThat(withPolicy.sitePower(Optional.empty(), START, TO, STEP))
        .contains("FROM \"kel\\\"vin\".\"one year\".\"node\" WHERE");
  }

  @Test
  void node_series_asks_for_one_node_of_one_site_by_quoted_tags() {
    String query = queries.nodeSeries(NodeId.of("site-a", "n07"), NodeMetric.CPU_TEMP_CELSIUS,
        START, TO, Duration.ofMinutes(1));

    assertThat(query).isEqualTo("SELECT mean(\"cpu_temp_c\") FROM \"node\" WHERE time >="
        + " 1700000000000ms AND time < 1700003600000ms AND \"site\" = 'site-a' AND \"node\" ="
        + " 'n07' GROUP BY time(60000ms) fill(none)");
  }

  @Test
  void node_last_asks_for_the_last_value_per_step_of_one_node_by_quoted_tags() {
    String query = queries.nodeLast(NodeId.of("site-a", "n07"),
        NodeMetric.ECC_CORRECTABLE_TOTAL, START, TO, Duration.ofMinutes(1));

    assertThat(query).isEqualTo("SELECT last(\"ecc_correctable_total\") FROM \"node\" WHERE"
        + " time >= 1700000000000ms AND time < 1700003600000ms AND \"site\" = 'site-a' AND"
        + " \"node\" = 'n07' GROUP BY time(60000ms) fill(none)");
  }

  @Test
  void refuses_a_node_last_of_a_metric_reported_per_device_only() {
    assertThatThrownBy(() -> queries.nodeLast(NodeId.of("site-a", "n07"),
        NodeMetric.GPU_POWER_LIMIT_WATTS, START, TO, STEP))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per device only");
  }

  @Test
  void refuses_a_node_series_of_a_metric_reported_per_device_only() {
    assertThatThrownBy(() -> queries.nodeSeries(NodeId.of("site-a", "n07"),
        NodeMetric.GPU_POWER_LIMIT_WATTS, START, TO, STEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu_power_limit_w").hasMessageContaining("per device only");
  }

  @Test
  void changes_are_every_change_of_each_node_of_one_site_in_the_range() {
    String query = queries.changes(Optional.of(SiteId.of("site-a")), START, TO);

    assertThat(query).isEqualTo("SELECT \"state\" FROM \"node_state\" WHERE time >="
        + " 1700000000000ms AND time < 1700003600000ms AND \"site\" = 'site-a'"
        + " GROUP BY \"site\", \"node\"");
  }

  @Test
  void last_changes_are_each_nodes_state_when_the_range_begins() {
    String query = queries.lastChanges(Optional.empty(), START);

    assertThat(query).isEqualTo("SELECT last(\"state\") FROM \"node_state\" WHERE time <"
        + " 1700000000000ms GROUP BY \"site\", \"node\"");
  }

  @Test
  void first_changes_of_every_site_look_back_without_a_start() {
    String query = new HistoryQueries("kelvin", Optional.of("year")).firstChanges(
        Optional.empty(), TO);

    assertThat(query).isEqualTo("SELECT first(\"state\") FROM \"kelvin\".\"year\"."
        + "\"node_state\" WHERE time < 1700003600000ms GROUP BY \"site\", \"node\"");
  }
}
