package dev.kelvin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.NodeHardwareContract;
import dev.kelvin.simulator.workload.SteadyWorkload;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A simulated node whose physics moves when the agent samples it, with no ticker; it passes the
 * hardware contract like every other adapter.
 */
class SelfAdvancingNodeTest extends NodeHardwareContract {
  private static final NodeId NODE = NodeId.of("lab", "n01");

  private final MutableClock clock = new MutableClock();
  private final SimulatedSite site = SimulatedSite.single(NODE, RackId.of("r1"),
      NodeSpec.defaults(), 30, new SteadyWorkload(1.0), 1, MutableClock.START);
  private final SelfAdvancingNode hardware = new SelfAdvancingNode(site, NODE, clock);

  @Override
  protected NodeHardware newHardware() {
    return new SelfAdvancingNode(site, NODE, clock);
  }

  @Test
  void a_sample_runs_the_physics_up_to_the_clock() {
    clock.advance(Duration.ofSeconds(90));

    hardware.sample();

    assertThat(site.now()).isEqualTo(MutableClock.START.plusSeconds(90));
  }

  @Test
  void samples_read_the_same_as_a_site_advanced_by_a_ticker() {
    SimulatedSite ticked = SimulatedSite.single(NODE, RackId.of("r1"), NodeSpec.defaults(), 30,
        new SteadyWorkload(1.0), 1, MutableClock.START);
    clock.advance(Duration.ofMinutes(3));
    for (int second = 1; second <= 180; second++) {
      ticked.advanceTo(MutableClock.START.plusSeconds(second));
    }

    double sampled = hardware.sample().node().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);

    assertThat(sampled).isGreaterThan(85).isEqualTo(
        ticked.nodes().get(0).sample().node().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS));
  }

  @Test
  void a_cap_applies_from_now_after_the_physics_caught_up_under_the_old_one() {
    clock.advance(Duration.ofSeconds(30));

    double applied = hardware.apply(SetpointKind.CPU_FREQ_CAP, Optional.empty(), 1200);

    assertThat(site.now()).isEqualTo(MutableClock.START.plusSeconds(30));
    assertThat(hardware.read(SetpointKind.CPU_FREQ_CAP, Optional.empty())).isEqualTo(applied);
  }

  @Test
  void refuses_a_node_the_site_does_not_have() {
    assertThatThrownBy(() -> new SelfAdvancingNode(site, NodeId.of("lab", "n99"), clock))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n99")
        .hasMessageContaining("n01");
  }
}
