package dev.kelvin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.simulator.workload.WorkloadSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecsTest {
  @Test
  void the_demo_site_has_two_racks_of_sixteen_nodes_named_n01_to_n32() {
    SiteSpec demo = SiteSpec.demo();
    assertThat(demo.site()).isEqualTo(SiteId.of("site-a"));
    assertThat(demo.nodeCount()).isEqualTo(32);
    assertThat(demo.nodeId(0)).isEqualTo(NodeId.of("site-a", "n01"));
    assertThat(demo.nodeId(31)).isEqualTo(NodeId.of("site-a", "n32"));
    assertThat(demo.rackOf(15)).isEqualTo(RackId.of("r1"));
    assertThat(demo.rackOf(16)).isEqualTo(RackId.of("r2"));
  }

  @Test
  void the_demo_runs_rack_two_hotter_than_rack_one() {
    SiteSpec demo = SiteSpec.demo();
    assertThat(demo.inletCelsius(16)).isGreaterThan(demo.inletCelsius(0) + 1);
  }

  @Test
  void pads_node_numbers_to_the_width_of_the_largest() {
    SiteSpec big = new SiteSpec(SiteId.of("big"), 4, 30, NodeSpec.defaults(),
        List.of(24.0, 24.0, 24.0, 24.0), WorkloadSpec.demo());
    assertThat(big.nodeId(0).name()).isEqualTo("n001");
    assertThat(big.nodeId(119).name()).isEqualTo("n120");
  }

  @Test
  void default_nodes_overheat_at_full_power_and_cool_under_an_80_percent_cap() {
    NodeSpec node = NodeSpec.defaults();
    double full = node.powerModel().powerWatts(1, 1);
    double capped = node.powerModel().powerWatts(1, 0.8);
    assertThat(node.thermal().steadyStateCelsius(24, full)).isCloseTo(91.2, within(0.1))
        .isGreaterThan(node.cpuTempLimitCelsius());
    assertThat(capped).isCloseTo(312, within(1.0));
    assertThat(node.thermal().steadyStateCelsius(24, capped)).isCloseTo(74, within(0.5));
  }

  @Test
  void rejects_one_inlet_temperature_for_two_racks() {
    assertThatThrownBy(() -> new SiteSpec(SiteId.of("s"), 2, 16, NodeSpec.defaults(),
        List.of(24.0), WorkloadSpec.demo()))
        .hasMessageContaining("one temperature per rack").hasMessageContaining("2 racks but 1");
  }

  @Test
  void rejects_an_inlet_in_fahrenheit_naming_the_rack() {
    assertThatThrownBy(() -> new SiteSpec(SiteId.of("s"), 2, 16, NodeSpec.defaults(),
        List.of(24.0, 79.0), WorkloadSpec.demo()))
        .hasMessageContaining("rack r2").hasMessageContaining("Fahrenheit");
  }

  @Test
  void rejects_a_missing_inlet_and_an_empty_site() {
    assertThatThrownBy(() -> new SiteSpec(SiteId.of("s"), 2, 16, NodeSpec.defaults(),
        Arrays.asList(24.0, null), WorkloadSpec.demo())).hasMessageContaining("r2 is missing");
    assertThatThrownBy(() -> new SiteSpec(SiteId.of("s"), 0, 16, NodeSpec.defaults(),
        List.of(), WorkloadSpec.demo())).hasMessageContaining("racks >= 1");
  }

  @Test
  void rejects_a_node_whose_clock_is_in_khz_or_whose_limit_is_in_millidegrees() {
    assertThatThrownBy(() -> new NodeSpec(120, 420, 1_200_000, 3_000_000, 2, 0.16,
        Duration.ofSeconds(30), 85, 3, 0.3)).hasMessageContaining("kHz");
    assertThatThrownBy(() -> new NodeSpec(120, 420, 1200, 3000, 2, 0.16,
        Duration.ofSeconds(30), 85_000, 3, 0.3))
        .hasMessageContaining("cpuTempLimitCelsius").hasMessageContaining("millidegrees");
  }

  @Test
  void rejects_power_in_milliwatts() {
    assertThatThrownBy(() -> new NodeSpec(120_000, 420_000, 1200, 3000, 2, 0.16,
        Duration.ofSeconds(30), 85, 3, 0.3))
        .hasMessageContaining("maxWatts").hasMessageContaining("milliwatts");
  }
}
