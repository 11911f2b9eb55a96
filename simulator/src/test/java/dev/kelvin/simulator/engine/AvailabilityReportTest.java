package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.EngineFixtures.job;
import static dev.kelvin.simulator.engine.EngineFixtures.scenario;
import static dev.kelvin.simulator.engine.EngineFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.DrainNode;
import dev.kelvin.core.action.SuspendNode;
import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.simulator.scenario.ScenarioEvent.Kind;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.OptionalDouble;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulated cluster reports each node's availability as a workload manager would, and keeps
 * a cut-off site's alarms open as the live state does: the two signals a failover weighs.
 */
class AvailabilityReportTest {
  private static final NodeId N1 = NodeId.of("a", "n0001");
  private static final NodeId N2 = NodeId.of("a", "n0002");

  private static NodeAvailability at(List<ClusterSnapshot> seen, long seconds, NodeId node) {
    Instant when = EngineFixtures.START.plusSeconds(seconds);
    ClusterSnapshot snapshot = seen.stream().filter(s -> !s.at().isBefore(when)).findFirst()
        .orElseThrow();
    return snapshot.availability(node).orElseThrow();
  }

  @Test
  void reports_busy_and_idle_nodes_with_the_time_they_changed_state() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 1200)),
        1800, Optional.of(EngineFixtures.watch(seen)))).run(Progress.NONE);

    assertThat(at(seen, 600, N1).state()).isEqualTo(NodeAvailability.State.BUSY);
    assertThat(at(seen, 600, N2).state()).isEqualTo(NodeAvailability.State.IDLE);
    NodeAvailability idleAgain = at(seen, 1500, N1);
    assertThat(idleAgain.state()).isEqualTo(NodeAvailability.State.IDLE);
    assertThat(Duration.between(EngineFixtures.START.plusSeconds(1200), idleAgain.since()))
        .isBetween(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(idleAgain.drained()).isFalse();
  }

  @Test
  void reports_a_node_kelvin_drained_with_its_drain_time() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 1200)),
        1800, Optional.of(EngineFixtures.watchAndAct(seen, 600,
            meta -> new DrainNode(meta, N2))))).run(Progress.NONE);

    NodeAvailability drained = at(seen, 900, N2);
    assertThat(drained.drainedByKelvin()).isTrue();
    assertThat(Duration.between(EngineFixtures.START.plusSeconds(600),
        drained.drainedAt().orElseThrow())).isBetween(Duration.ZERO, Duration.ofSeconds(10));
  }

  @Test
  void reports_a_suspended_node_as_suspended_and_silent_by_design() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 1200)),
        1800, Optional.of(EngineFixtures.watchAndAct(seen, 600,
            meta -> new SuspendNode(meta, N2))))).run(Progress.NONE);

    NodeAvailability suspended = at(seen, 900, N2);
    assertThat(suspended.state()).isEqualTo(NodeAvailability.State.SUSPENDED);
    assertThat(suspended.silentByDesign()).isTrue();
    assertThat(seen.get(seen.size() - 1).node(N2).orElseThrow().stale()).isTrue();
  }

  @Test
  void keeps_an_alarm_raised_before_a_cut_open_while_the_site_is_silent() {
    // cooling fails at 600 s, the site is cut off at 900 s, a fire starts at 1000 s
    List<ClusterSnapshot> seen = new ArrayList<>();
    ScenarioSite site = new ScenarioSite("a", 2, OptionalDouble.empty(), 300, 0.15, 20);
    new SimulationEngine(setup(scenario(List.of(site), Optional.empty(),
        List.of(EngineFixtures.event(Kind.COOLING_FAILURE, "a", 600, 3000),
            EngineFixtures.event(Kind.NETWORK_PARTITION, "a", 900, 3000),
            EngineFixtures.event(Kind.FIRE, "a", 1000, 60))),
        List.of(job(1, 0, 1, 7200)), 1500, Optional.of(EngineFixtures.watch(seen))))
        .run(Progress.NONE);

    Instant when = EngineFixtures.START.plusSeconds(1200);
    ClusterSnapshot cut = seen.stream().filter(x -> !x.at().isBefore(when)).findFirst()
        .orElseThrow();
    List<Alarm> alarms = cut.site(SiteId.of("a")).orElseThrow().openAlarms();
    assertThat(alarms).extracting(Alarm::kind)
        .containsExactly(FacilityKind.ALARM_COOLING_FAILURE);
    assertThat(alarms.get(0).lastSeen()).isEqualTo(EngineFixtures.START.plusSeconds(900));
    assertThat(cut.node(N1).orElseThrow().stale()).isTrue();
    assertThat(cut.availability()).isEmpty();
  }
}
