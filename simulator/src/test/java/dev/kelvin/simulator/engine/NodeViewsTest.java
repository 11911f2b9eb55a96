package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.EngineFixtures.job;
import static dev.kelvin.simulator.engine.EngineFixtures.scenario;
import static dev.kelvin.simulator.engine.EngineFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The node views of the simulated cluster: a node that falls silent shows what it last sent,
 * received when it fell silent, so that its silence has a length; a sampled reading carries the
 * setpoints in force when it was sampled, not those of the tick that reads it.
 */
class NodeViewsTest {
  private static final NodeId N1 = NodeId.of("a", "n0001");
  private static final NodeId N2 = NodeId.of("a", "n0002");

  @Test
  void a_suspended_node_was_last_heard_when_it_fell_silent_and_its_silence_grows() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 1200)),
        1800, Optional.of(EngineFixtures.watchAndAct(seen, 600,
            meta -> new SuspendNode(meta, N2))))).run(Progress.NONE);

    List<ClusterSnapshot> suspended = seen.stream().filter(s -> s.availability(N2)
        .map(a -> a.state() == NodeAvailability.State.SUSPENDED).orElse(false)).toList();
    assertThat(suspended).hasSizeGreaterThan(10);
    Instant fellSilent = suspended.get(0).availability(N2).orElseThrow().since();
    for (ClusterSnapshot snapshot : suspended) {
      NodeView view = snapshot.node(N2).orElseThrow();
      assertThat(view.stale()).isTrue();
      assertThat(view.lastReceived()).isEqualTo(fellSilent);
      assertThat(view.latest().at()).isEqualTo(fellSilent);
    }
    ClusterSnapshot last = suspended.get(suspended.size() - 1);
    assertThat(Duration.between(last.node(N2).orElseThrow().lastReceived(), last.at()))
        .isGreaterThan(Duration.ofSeconds(60));
    assertThat(last.node(N1).orElseThrow().lastReceived()).isEqualTo(last.at());
  }

  @Test
  void a_silent_node_shows_the_same_reading_tick_after_tick() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 1200)),
        1800, Optional.of(EngineFixtures.watchAndAct(seen, 600,
            meta -> new SuspendNode(meta, N2))))).run(Progress.NONE);

    ClusterSnapshot before = seen.get(seen.size() - 2);
    ClusterSnapshot after = seen.get(seen.size() - 1);
    assertThat(after.node(N2).orElseThrow().latest())
        .isSameAs(before.node(N2).orElseThrow().latest());
    assertThat(after.node(N1).orElseThrow().latest())
        .isNotEqualTo(before.node(N1).orElseThrow().latest());
  }

  @Test
  void a_sampled_reading_carries_the_cap_in_force_when_it_was_sampled() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.of(Duration.ofSeconds(10))),
        List.of(job(1, 0, 1, 1200)), 1800, Optional.of(EngineFixtures.watchAndAct(seen, 600,
            meta -> new SetCpuFrequencyCap(meta, N1, 1500))))).run(Progress.NONE);

    Instant when = EngineFixtures.START.plusSeconds(625);
    NodeView view = seen.stream().filter(s -> !s.at().isBefore(when)).findFirst().orElseThrow()
        .node(N1).orElseThrow();
    List<Double> caps = view.window().stream()
        .map(NodeReading::metrics).map(m -> m.getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ)).toList();
    double maxMhz = view.latest(NodeMetric.CPU_FREQ_MAX_MHZ).orElseThrow();
    assertThat(caps.get(0)).isEqualTo(maxMhz);
    assertThat(caps.get(caps.size() - 1)).isEqualTo(1500);
    assertThat(caps).containsOnly(maxMhz, 1500.0);
  }
}
