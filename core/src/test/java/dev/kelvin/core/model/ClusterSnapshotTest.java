package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterSnapshotTest {

  @Test
  void total_power_sums_fresh_nodes_and_skips_stale_ones() {
    NodeView fresh = view("n01", 300, false);
    NodeView other = view("n02", 250, false);
    NodeView stale = view("n03", 400, true);
    ClusterSnapshot snapshot = ClusterSnapshot.of(MutableClock.START, List.of(stale, other, fresh));
    assertThat(snapshot.totalPowerWatts()).isEqualTo(550);
    assertThat(snapshot.nodes().keySet()).extracting(NodeId::name)
        .containsExactly("n01", "n02", "n03");
  }

  @Test
  void a_view_whose_window_does_not_end_with_the_latest_reading_is_refused() {
    NodeReading older = Readings.reading().seq(1).build();
    NodeReading latest = Readings.reading().seq(2).build();
    assertThatThrownBy(() -> new NodeView(latest.node(), latest.rack(), latest, List.of(older),
        MutableClock.START, false)).hasMessageContaining("latest");
  }

  private static NodeView view(String node, double watts, boolean stale) {
    NodeReading reading = Readings.reading().node(node)
        .with(NodeMetric.POWER_WATTS, watts).build();
    return new NodeView(reading.node(), reading.rack(), reading, List.of(reading),
        MutableClock.START, stale);
  }
}
