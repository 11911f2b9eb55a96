package dev.kelvin.simulator;

import dev.kelvin.core.model.Device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.port.NodeHardware;
import dev.kelvin.core.port.NodeHardware.HardwareException;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.NodeHardwareContract;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedNodeTest extends NodeHardwareContract {
  private static final Optional<Device> NODE_WIDE = Optional.empty();
  private static final Instant START = MutableClock.START;

  @Override
  protected NodeHardware newHardware() {
    return new SimulatedSite(SiteSpec.demo(), 7, START).nodes().get(0);
  }

  @Test
  void samples_every_cpu_metric_with_the_limit_the_clock_range_and_the_error_counter() {
    MetricValues sample = newHardware().sample().node();
    assertThat(sample.asMap()).containsKeys(NodeMetric.POWER_WATTS, NodeMetric.CPU_TEMP_CELSIUS,
        NodeMetric.CPU_TEMP_LIMIT_CELSIUS, NodeMetric.INLET_TEMP_CELSIUS,
        NodeMetric.CPU_UTIL_RATIO, NodeMetric.CPU_FREQ_MHZ, NodeMetric.CPU_FREQ_CAP_MHZ,
        NodeMetric.CPU_FREQ_MIN_MHZ, NodeMetric.CPU_FREQ_MAX_MHZ,
        NodeMetric.ECC_CORRECTABLE_TOTAL);
    assertThat(sample.getOrNaN(NodeMetric.CPU_TEMP_LIMIT_CELSIUS)).isEqualTo(85);
    assertThat(sample.getOrNaN(NodeMetric.ECC_CORRECTABLE_TOTAL)).isZero();
    assertThat(sample.has(NodeMetric.ECC_UNCORRECTABLE_TOTAL)).isFalse();
    assertThat(sample.getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ)).isEqualTo(3000);
    assertThat(sample.has(NodeMetric.GPU_POWER_WATTS)).isFalse();
  }

  @Test
  void starts_idle_at_idle_power_near_its_idle_steady_temperature() {
    MetricValues sample = newHardware().sample().node();
    assertThat(sample.getOrNaN(NodeMetric.POWER_WATTS)).isBetween(117.0, 123.0);
    assertThat(sample.getOrNaN(NodeMetric.CPU_TEMP_CELSIUS)).isBetween(42.9, 43.5);
    assertThat(sample.getOrNaN(NodeMetric.CPU_FREQ_MHZ)).isEqualTo(1200);
  }

  @Test
  void a_cap_shows_at_once_in_the_read_back_but_governs_only_the_next_step() {
    SimulatedSite site = Sites.fullyLoaded(START);
    SimulatedNode node = site.nodes().get(0);
    site.advanceTo(START.plusSeconds(5));
    assertThat(node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 2400)).isEqualTo(2400);
    assertThat(node.sample().node().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ)).isEqualTo(2400);
    assertThat(node.sample().node().getOrNaN(NodeMetric.CPU_FREQ_MHZ)).isEqualTo(3000);
    assertThat(node.state().powerWatts()).isEqualTo(420);
    site.advanceTo(START.plusSeconds(6));
    assertThat(node.sample().node().getOrNaN(NodeMetric.CPU_FREQ_MHZ)).isEqualTo(2400);
    assertThat(node.state().powerWatts()).isLessThan(420);
  }

  @Test
  void clamps_a_cap_outside_the_clock_range_as_cpufreq_does() {
    NodeHardware node = newHardware();
    assertThat(node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 800)).isEqualTo(1200);
    assertThat(node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 3_000_000)).isEqualTo(3000);
  }

  @Test
  void refuses_a_nan_cap_and_keeps_the_one_in_force() {
    NodeHardware node = newHardware();
    node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 2600);
    assertThatThrownBy(() -> node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, Double.NaN))
        .isInstanceOf(HardwareException.class)
        .hasMessageContaining("cpu_freq_cap_mhz NaN").hasMessageContaining("MHz");
    assertThat(node.read(SetpointKind.CPU_FREQ_CAP, NODE_WIDE)).isEqualTo(2600);
  }

  @Test
  void has_no_gpu_or_node_power_setpoints_and_says_so() {
    NodeHardware node = newHardware();
    assertThat(node.supports(SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(0)))).isFalse();
    assertThat(node.supports(SetpointKind.NODE_POWER_CAP, NODE_WIDE)).isFalse();
    assertThatThrownBy(() -> node.apply(SetpointKind.NODE_POWER_CAP, NODE_WIDE, 300))
        .isInstanceOf(HardwareException.class)
        .hasMessageContaining("NODE_POWER_CAP").hasMessageContaining("CPU frequency cap only");
  }

  @Test
  void refuses_a_cpu_cap_addressed_to_a_gpu() {
    NodeHardware node = newHardware();
    assertThat(node.supports(SetpointKind.CPU_FREQ_CAP, Optional.of(Device.gpu(1)))).isFalse();
    assertThatThrownBy(() -> node.read(SetpointKind.CPU_FREQ_CAP, Optional.of(Device.gpu(1))))
        .isInstanceOf(HardwareException.class).hasMessageContaining("node-wide");
  }
}
