package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.EngineFixtures.job;
import static dev.kelvin.simulator.engine.EngineFixtures.scenario;
import static dev.kelvin.simulator.engine.EngineFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.simulator.scenario.ScenarioEvent.Kind;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The node views of the simulated cluster: a node of a site cut off shows what it last sent,
 * received at the cut, so that its silence has a length; a sampled reading carries the
 * setpoints in force when it was sampled, not those of the tick that reads it.
 */
class NodeViewsTest {
  private static final NodeId N1 = NodeId.of("a", "n0001");
  private static final NodeId N2 = NodeId.of("a", "n0002");

  @Test
  void a_node_of_a_site_cut_off_was_last_heard_at_the_cut_and_shows_that_reading_throughout() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    ScenarioSite site = new ScenarioSite("a", 2, OptionalDouble.empty(), 300, 0.15, 20);
    new SimulationEngine(setup(scenario(List.of(site), Optional.empty(),
        List.of(EngineFixtures.event(Kind.NETWORK_PARTITION, "a", 900, 600))),
        List.of(job(1, 0, 1, 7200)), 1800, Optional.of(EngineFixtures.watch(seen))))
        .run(Progress.NONE);

    Instant cut = EngineFixtures.START.plusSeconds(900);
    List<NodeView> during = seen.stream()
        .filter(s -> s.at().isAfter(cut) && s.at().isBefore(cut.plusSeconds(600)))
        .map(s -> s.node(N1).orElseThrow()).toList();
    assertThat(during).hasSizeGreaterThan(10);
    for (NodeView view : during) {
      assertThat(view.stale()).isTrue();
      assertThat(view.lastReceived()).isEqualTo(cut);
      assertThat(view.latest()).isSameAs(during.get(0).latest());
    }
    ClusterSnapshot after = seen.get(seen.size() - 1);
    assertThat(after.node(N1).orElseThrow().stale()).isFalse();
    assertThat(after.node(N1).orElseThrow().lastReceived()).isEqualTo(after.at());
  }

  @Test
  void a_suspended_node_shows_as_stale() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 1200)),
        1800, Optional.of(EngineFixtures.watchAndAct(seen, 600,
            meta -> new SuspendNode(meta, N2))))).run(Progress.NONE);

    assertThat(seen.get(seen.size() - 1).node(N2).orElseThrow().stale()).isTrue();
    assertThat(seen.get(seen.size() - 1).node(N1).orElseThrow().stale()).isFalse();
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
