package dev.kelvin.simulator.engine;

import static dev.kelvin.simulator.engine.EngineFixtures.job;
import static dev.kelvin.simulator.engine.EngineFixtures.scenario;
import static dev.kelvin.simulator.engine.EngineFixtures.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryBoundSignalTest {
  @Test
  void a_busy_node_reports_the_share_of_its_job_a_lower_clock_does_not_stretch() {
    List<ClusterSnapshot> seen = new ArrayList<>();
    // the fixtures' jobs are 80 % compute-bound
    new SimulationEngine(setup(scenario(2, 20, Optional.empty()), List.of(job(1, 0, 1, 600)),
        0, Optional.of(EngineFixtures.watch(seen)))).run(Progress.NONE);

    ClusterSnapshot during = seen.get(seen.size() / 2);
    NodeView busy = during.node(NodeId.of("a", "n0001")).orElseThrow();
    NodeView idle = during.node(NodeId.of("a", "n0002")).orElseThrow();
    assertThat(busy.latest(NodeMetric.CPU_MEM_BOUND_RATIO).getAsDouble())
        .isCloseTo(0.2, within(1e-9));
    assertThat(idle.latest(NodeMetric.CPU_MEM_BOUND_RATIO)).isEmpty();
  }
}
