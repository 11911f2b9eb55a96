package dev.kelvin.simulator;

import dev.kelvin.core.model.Device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stories the demo tells: a hot rack overheats, and a cap cools it. */
class ThermalScenarioTest {
  private static final Instant START = MutableClock.START;
  private static final Optional<Device> NODE_WIDE = Optional.empty();
  private static final double LIMIT = NodeSpec.defaults().cpuTempLimitCelsius();

  @Test
  void a_fully_loaded_node_on_the_hot_rack_overheats_when_nobody_caps_it() {
    SimulatedSite site = Sites.fullyLoaded(START, 26);
    site.advanceTo(START.plusSeconds(300));
    assertThat(cpuTemp(site.nodes().get(0))).isGreaterThan(LIMIT + 5);
  }

  @Test
  void an_ordinary_job_keeps_a_node_on_the_hot_rack_under_its_limit() {
    double highestOrdinaryDemand = SiteSpec.demo().workload().ordinary().maxDemandRatio();
    SimulatedSite site = Sites.loaded(START, 26, highestOrdinaryDemand);
    site.advanceTo(START.plusSeconds(600));
    assertThat(cpuTemp(site.nodes().get(0))).isLessThan(LIMIT).isGreaterThan(LIMIT - 5);
  }

  @ParameterizedTest(name = "cap {0} MHz")
  @ValueSource(doubles = {2700, 2600, 2400})
  void a_cap_settles_a_fully_loaded_node_on_the_hot_rack_below_its_limit(double capMhz) {
    SimulatedSite site = Sites.fullyLoaded(START, 26);
    SimulatedNode node = site.nodes().get(0);
    node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, capMhz);
    for (int second = 1; second <= 600; second++) {
      site.advanceTo(START.plusSeconds(second));
      if (second >= 300) {
        assertThat(cpuTemp(node)).isLessThan(LIMIT);
      }
    }
    assertThat(node.state().utilRatio()).isEqualTo(1.0);
  }

  @Test
  void the_demo_with_its_seed_overheats_a_node_on_the_hot_rack_within_90_seconds() {
    SimulatedSite site = new SimulatedSite(SiteSpec.demo(), SiteSpec.DEMO_SEED, START);
    assertThat(site.nodes()).allSatisfy(node -> assertThat(cpuTemp(node)).isLessThan(LIMIT));
    Optional<SimulatedNode> hot = firstOverLimit(site, 90);
    assertThat(hot).isPresent();
    assertThat(hot.get().rack().value()).isEqualTo("r2");
    assertThat(site.now()).isAfter(START.plusSeconds(30));
  }

  @Test
  void a_400_mhz_cap_brings_the_hot_demo_node_back_under_while_its_uncapped_twin_stays_over() {
    SimulatedSite capped = new SimulatedSite(SiteSpec.demo(), SiteSpec.DEMO_SEED, START);
    SimulatedSite twin = new SimulatedSite(SiteSpec.demo(), SiteSpec.DEMO_SEED, START);
    SimulatedNode hot = firstOverLimit(capped, 90).orElseThrow();
    twin.advanceTo(capped.now());
    SimulatedNode hotTwin = twin.node(hot.node()).orElseThrow();
    hot.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, hot.spec().maxMhz() - 400);
    Instant later = capped.now().plusSeconds(30);
    capped.advanceTo(later);
    twin.advanceTo(later);
    assertThat(hot.state().job()).isPresent().isEqualTo(hotTwin.state().job());
    assertThat(cpuTemp(hot)).isLessThan(LIMIT);
    assertThat(cpuTemp(hotTwin)).isGreaterThan(LIMIT);
  }

  /** Advances second by second up to {@code seconds}; the first node over its limit. */
  private static Optional<SimulatedNode> firstOverLimit(SimulatedSite site, int seconds) {
    for (int second = 1; second <= seconds; second++) {
      site.advanceTo(START.plusSeconds(second));
      for (SimulatedNode node : site.nodes()) {
        if (cpuTemp(node) > LIMIT) {
          return Optional.of(node);
        }
      }
    }
    return Optional.empty();
  }

  private static double cpuTemp(SimulatedNode node) {
    return node.sample().node().getOrNaN(NodeMetric.CPU_TEMP_CELSIUS);
  }
}
