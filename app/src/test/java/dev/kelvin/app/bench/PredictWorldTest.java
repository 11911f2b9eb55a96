package dev.kelvin.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictWorldTest {
  private static final int NODES = 500;

  @Test
  void feeds_an_hour_of_snapshots_a_minute_apart_ending_with_full_one_second_windows() {
    PredictWorld world = PredictWorld.build(NODES, 5);
    List<ClusterSnapshot> seen = new ArrayList<>();

    int ticks = world.history(seen::add);

    assertThat(ticks).isEqualTo(seen.size()).isEqualTo(60);
    assertThat(seen.get(seen.size() - 1).at()).isEqualTo(BenchSite.START.plus(Duration.ofHours(1)));
    for (int i = 1; i < seen.size(); i++) {
      assertThat(Duration.between(seen.get(i - 1).at(), seen.get(i).at()))
          .isEqualTo(Duration.ofMinutes(1));
    }
    world.tick();
    for (NodeView view : world.snapshot().views()) {
      assertThat(view.window()).hasSize(120);
      assertThat(Duration.between(view.window().get(0).at(), view.latest().at()))
          .isEqualTo(Duration.ofSeconds(119));
    }
  }

  @Test
  void every_node_reports_its_error_counter_and_the_precursor_nodes_count_faster() {
    PredictWorld world = PredictWorld.build(NODES, 5);
    world.history(snapshot -> { });
    ClusterSnapshot end = world.snapshot();

    assertThat(world.precursorNodes()).hasSize(2);
    assertThat(end.views()).allSatisfy(view -> assertThat(view.latest().metrics()
        .has(NodeMetric.ECC_CORRECTABLE_TOTAL)).isTrue());
    double quiet = end.views().stream().filter(v -> !world.precursorNodes().contains(v.id()))
        .mapToDouble(v -> v.latest().metrics().getOrNaN(NodeMetric.ECC_CORRECTABLE_TOTAL))
        .max().orElseThrow();
    double precursor = world.precursorNodes().stream().mapToDouble(node -> end.nodes().get(node)
        .latest().metrics().getOrNaN(NodeMetric.ECC_CORRECTABLE_TOTAL)).max().orElseThrow();
    assertThat(precursor).isGreaterThan(quiet);
  }

  @Test
  void reports_every_node_busy_and_a_few_down_for_a_while_early_in_the_hour() {
    PredictWorld world = PredictWorld.build(NODES, 5);
    List<ClusterSnapshot> seen = new ArrayList<>();
    world.history(seen::add);

    assertThat(world.pastFailures()).hasSize(1);
    NodeId failed = world.pastFailures().get(0);
    long downTicks = seen.stream().filter(s -> s.availability(failed).orElseThrow().state()
        == NodeAvailability.State.DOWN).count();
    assertThat(downTicks).isEqualTo(5);
    assertThat(seen.get(seen.size() - 1).availability().values())
        .hasSize(NODES).allMatch(a -> a.state() == NodeAvailability.State.BUSY);
  }

  @Test
  void runs_its_history_once() {
    PredictWorld world = PredictWorld.build(50, 5);
    world.history(snapshot -> { });

    assertThatThrownBy(() -> world.history(snapshot -> { }))
        .isInstanceOf(IllegalStateException.class);
  }
}
