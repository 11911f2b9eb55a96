package dev.kelvin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.RackId;
import dev.kelvin.simulator.workload.SteadyWorkload;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** One named node at a steady load: what a simulated agent plays. */
class SingleNodeSiteTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final NodeId NODE = NodeId.of("lab", "gpu-017");

  @Test
  void a_single_node_site_carries_the_given_name_and_rack() {
    SimulatedSite site = SimulatedSite.single(NODE, RackId.of("rack-9"), NodeSpec.defaults(),
        24, new SteadyWorkload(0.5), 1, START);

    assertThat(site.nodes()).singleElement().satisfies(node -> {
      assertThat(node.node()).isEqualTo(NODE);
      assertThat(node.rack()).isEqualTo(RackId.of("rack-9"));
    });
  }

  @Test
  void at_full_steady_load_and_a_warm_inlet_a_node_runs_over_its_limit_within_minutes() {
    SimulatedSite site = SimulatedSite.single(NODE, RackId.of("r1"), NodeSpec.defaults(), 30,
        new SteadyWorkload(1.0), 1, START);

    site.advanceTo(START.plus(Duration.ofMinutes(3)));

    double celsius = site.nodes().get(0).sample().node().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
    assertThat(celsius).isGreaterThan(85);
  }

  @Test
  void a_steady_load_is_a_share_of_capacity_not_a_percentage() {
    assertThatThrownBy(() -> new SteadyWorkload(95)).hasMessageContaining("a percentage?");
  }
}
