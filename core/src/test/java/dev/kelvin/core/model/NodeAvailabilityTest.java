package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NodeAvailabilityTest {
  private static final Instant T0 = MutableClock.START;
  private static final NodeId N01 = NodeId.of("site-a", "n01");

  @Test
  void suspended_and_booting_nodes_are_silent_by_design_but_down_ones_are_not() {
    assertThat(NodeAvailability.of(N01, NodeAvailability.State.SUSPENDED, T0).silentByDesign())
        .isTrue();
    assertThat(NodeAvailability.of(N01, NodeAvailability.State.BOOTING, T0).silentByDesign())
        .isTrue();
    assertThat(NodeAvailability.of(N01, NodeAvailability.State.DOWN, T0).silentByDesign())
        .isFalse();
    assertThat(NodeAvailability.of(N01, NodeAvailability.State.IDLE, T0).silentByDesign())
        .isFalse();
  }

  @Test
  void tells_how_long_a_node_has_been_in_its_state_never_below_zero() {
    NodeAvailability idle = NodeAvailability.of(N01, NodeAvailability.State.IDLE, T0);

    assertThat(idle.inStateFor(T0.plusSeconds(600))).isEqualTo(Duration.ofMinutes(10));
    assertThat(idle.inStateFor(T0.minusSeconds(5))).isEqualTo(Duration.ZERO);
    assertThat(idle.drained()).isFalse();
  }

  @Test
  void refuses_a_node_drained_by_kelvin_without_a_drain_time() {
    assertThatThrownBy(() -> new NodeAvailability(N01, NodeAvailability.State.IDLE, T0,
        Optional.empty(), true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drainedAt");
  }

  @Test
  void a_snapshot_built_without_availability_reports_none() {
    ClusterSnapshot snapshot = new ClusterSnapshot(T0, new TreeMap<>(), new TreeMap<>(),
        new TreeMap<>());

    assertThat(snapshot.availability()).isEmpty();
    assertThat(snapshot.availability(N01)).isEmpty();
  }
}
