package dev.kelvin.simulator;

import dev.kelvin.core.model.Device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.simulator.model.PowerModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SimulatedSiteTest {
  private static final Instant START = MutableClock.START;
  private static final Optional<Device> NODE_WIDE = Optional.empty();

  @Test
  void advances_in_whole_steps_and_never_backwards() {
    SimulatedSite site = new SimulatedSite(SiteSpec.demo(), 1, START);
    site.advanceTo(START.plusMillis(2500));
    assertThat(site.now()).isEqualTo(START.plusSeconds(2));
    MetricValues before = site.nodes().get(3).sample().node();
    site.advanceTo(START.plusSeconds(1));
    site.advanceTo(START.plusMillis(2999));
    assertThat(site.now()).isEqualTo(START.plusSeconds(2));
    assertThat(site.clock().instant()).isEqualTo(START.plusSeconds(2));
    assertThat(site.nodes().get(3).sample().node()).isEqualTo(before);
  }

  @Test
  void finds_its_nodes_by_id_and_knows_no_others() {
    SimulatedSite site = new SimulatedSite(SiteSpec.demo(), 1, START);
    assertThat(site.nodes()).hasSize(32);
    assertThat(site.node(NodeId.of("site-a", "n17")).orElseThrow().rack().value())
        .isEqualTo("r2");
    assertThat(site.node(NodeId.of("site-a", "n33"))).isEmpty();
    assertThat(site.node(NodeId.of("site-b", "n01"))).isEmpty();
  }

  @Test
  void the_same_seed_and_calls_give_the_same_readings() {
    assertThat(script(11)).isEqualTo(script(11));
  }

  @Test
  void a_different_seed_gives_different_readings() {
    assertThat(script(12)).isNotEqualTo(script(11));
  }

  @Test
  void readings_do_not_depend_on_how_often_they_are_sampled() {
    SimulatedSite often = new SimulatedSite(SiteSpec.demo(), 3, START);
    for (int second = 1; second <= 120; second++) {
      often.advanceTo(START.plusSeconds(second));
      often.nodes().forEach(SimulatedNode::sample);
    }
    SimulatedSite once = new SimulatedSite(SiteSpec.demo(), 3, START);
    once.advanceTo(START.plusSeconds(120));
    assertThat(samples(once)).isEqualTo(samples(often));
  }

  @Test
  void agents_may_sample_and_cap_while_the_site_advances() throws Exception {
    SimulatedSite site = new SimulatedSite(SiteSpec.demo(), 5, START);
    PowerModel power = SiteSpec.demo().node().powerModel();
    AtomicBoolean running = new AtomicBoolean(true);
    CountDownLatch started = new CountDownLatch(4);
    ExecutorService agents = Executors.newFixedThreadPool(4);
    List<Future<Integer>> results = new ArrayList<>();
    try {
      for (int agent = 0; agent < 4; agent++) {
        SimulatedNode node = site.nodes().get(agent * 8);
        results.add(agents.submit(() -> {
          started.countDown();
          return sampleAndCap(node, power, running);
        }));
      }
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      for (int second = 1; second <= 1800; second++) {
        site.advanceTo(START.plusSeconds(second));
      }
    } finally {
      running.set(false);
      agents.shutdown();
    }
    assertThat(agents.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    for (Future<Integer> result : results) {
      assertThat(result.get()).isPositive();
    }
    assertThat(site.now()).isEqualTo(START.plusSeconds(1800));
  }

  /** Samples and caps until stopped; every sample's power must fit its own util and clock. */
  private static int sampleAndCap(SimulatedNode node, PowerModel power, AtomicBoolean running) {
    int samples = 0;
    do {
      MetricValues sample = node.sample().node();
      double expected = power.powerWatts(sample.getOrNaN(NodeMetric.CPU_UTIL_RATIO),
          sample.getOrNaN(NodeMetric.CPU_FREQ_MHZ) / 3000);
      assertThat(sample.getOrNaN(NodeMetric.POWER_WATTS)).isBetween(expected - 3, expected + 3);
      node.apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, samples % 2 == 0 ? 2400 : 3000);
      samples++;
    } while (running.get());
    return samples;
  }

  /** Three minutes of the demo with two caps along the way: every reading of every node. */
  private static List<MetricValues> script(long seed) {
    SimulatedSite site = new SimulatedSite(SiteSpec.demo(), seed, START);
    List<MetricValues> readings = new ArrayList<>();
    for (int second = 1; second <= 180; second++) {
      site.advanceTo(START.plusSeconds(second));
      readings.addAll(samples(site));
      if (second == 30) {
        site.nodes().get(4).apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 2400);
      }
      if (second == 90) {
        site.nodes().get(20).apply(SetpointKind.CPU_FREQ_CAP, NODE_WIDE, 2000);
      }
    }
    return readings;
  }

  private static List<MetricValues> samples(SimulatedSite site) {
    return site.nodes().stream().map(node -> node.sample().node()).toList();
  }
}
