package dev.kelvin.dashboard;

import static dev.kelvin.core.testkit.Readings.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeAvailability.State;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NodeRowsTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:10Z");
  private static final Instant IDLE_SINCE = Instant.parse("2025-12-31T23:50:00Z");
  private static final Instant DRAINED_AT = Instant.parse("2025-12-31T23:55:00Z");
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");

  private static NodeView heard(String name) {
    NodeReading latest = reading().node(name).rack("r1").build();
    return new NodeView(latest.node(), latest.rack(), latest, List.of(latest), latest.at(),
        false);
  }

  private static ClusterSnapshot snapshot(List<NodeView> views,
      List<NodeAvailability> availability) {
    TreeMap<NodeId, NodeView> nodes = new TreeMap<>();
    views.forEach(view -> nodes.put(view.id(), view));
    TreeMap<NodeId, NodeAvailability> states = new TreeMap<>();
    availability.forEach(node -> states.put(node.node(), node));
    return new ClusterSnapshot(NOW, nodes, new TreeMap<>(), new TreeMap<>(), states);
  }

  private static NodeRow only(ClusterSnapshot snapshot) {
    List<NodeRow> rows = NodeRows.of(snapshot, List.of());
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void a_node_the_workload_manager_reports_shows_its_state_and_since_when() {
    NodeRow row = only(snapshot(List.of(heard("n01")),
        List.of(NodeAvailability.of(N01, State.BUSY, IDLE_SINCE))));

    assertThat(row.state()).isEqualTo("busy");
    assertThat(row.drained()).isFalse();
    assertThat(row.drainedByKelvin()).isFalse();
    assertThat(row.stateSince()).isEqualTo("2025-12-31T23:50:00Z");
    assertThat(row.powerWatts()).isEqualTo(300);
  }

  @Test
  void a_node_the_workload_manager_says_nothing_of_has_null_state_never_a_default() {
    NodeRow row = only(snapshot(List.of(heard("n01")), List.of()));

    assertThat(row.state()).isNull();
    assertThat(row.drained()).isNull();
    assertThat(row.drainedByKelvin()).isNull();
    assertThat(row.stateSince()).isNull();
    assertThat(row.rack()).isEqualTo("r1");
  }

  @Test
  void a_drained_node_says_so_and_whether_kelvin_drained_it() {
    NodeRow row = only(snapshot(List.of(heard("n01")), List.of(
        new NodeAvailability(N01, State.IDLE, IDLE_SINCE, Optional.of(DRAINED_AT), true))));

    assertThat(row.state()).isEqualTo("idle");
    assertThat(row.drained()).isTrue();
    assertThat(row.drainedByKelvin()).isTrue();
  }

  @Test
  void a_silent_node_the_workload_manager_reports_down_gets_a_row_without_metrics() {
    NodeRow row = only(snapshot(List.of(),
        List.of(NodeAvailability.of(N02, State.DOWN, IDLE_SINCE))));

    assertThat(row.site()).isEqualTo("site-a");
    assertThat(row.node()).isEqualTo("n02");
    assertThat(row.state()).isEqualTo("down");
    assertThat(row.rack()).isNull();
    assertThat(row.at()).isNull();
    assertThat(row.ageSeconds()).isNull();
    assertThat(row.stale()).isFalse();
    assertThat(row.powerWatts()).isNull();
    assertThat(row.cpuTempCelsius()).isNull();
  }

  @Test
  void silent_nodes_take_their_place_in_node_order_among_the_nodes_heard_from() {
    List<NodeRow> rows = NodeRows.of(snapshot(List.of(heard("n01"), heard("n03")),
        List.of(NodeAvailability.of(N02, State.SUSPENDED, IDLE_SINCE))), List.of());

    assertThat(rows).extracting(NodeRow::node).containsExactly("n01", "n02", "n03");
    assertThat(rows).extracting(NodeRow::state).containsExactly(null, "suspended", null);
  }
}
