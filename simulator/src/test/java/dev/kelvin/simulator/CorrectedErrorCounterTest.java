package dev.kelvin.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorrectedErrorCounterTest {
  private static final Instant START = MutableClock.START;

  @Test
  void counts_whole_errors_from_zero_and_never_falls() {
    CorrectedErrorCounter counter = new CorrectedErrorCounter(SiteSpec.demo().nodeId(0), 7,
        START);
    assertThat(counter.countAt(START)).isZero();
    double last = 0;
    for (int minute = 1; minute <= 7 * 24 * 60; minute++) {
      double count = counter.countAt(START.plus(Duration.ofMinutes(minute)));
      assertThat(count).isEqualTo(Math.floor(count)).isGreaterThanOrEqualTo(last);
      last = count;
    }
  }

  @Test
  void rises_at_a_low_background_rate_of_about_half_an_error_an_hour_per_node() {
    SiteSpec spec = SiteSpec.demo();
    double total = 0;
    Set<Double> perNode = new HashSet<>();
    for (int i = 0; i < spec.nodeCount(); i++) {
      double week = new CorrectedErrorCounter(spec.nodeId(i), 7, START)
          .countAt(START.plus(Duration.ofDays(7)));
      total += week;
      perNode.add(week);
    }
    double perHour = total / spec.nodeCount() / (7 * 24);
    assertThat(perHour).isBetween(0.3, 0.8);
    assertThat(perNode).as("each node counts at its own rate").hasSizeGreaterThan(10);
  }

  @Test
  void the_same_seed_node_and_time_give_the_same_count() {
    Instant day = START.plus(Duration.ofDays(1));
    assertThat(new CorrectedErrorCounter(SiteSpec.demo().nodeId(3), 7, START).countAt(day))
        .isEqualTo(new CorrectedErrorCounter(SiteSpec.demo().nodeId(3), 7, START).countAt(day));
  }

  @Test
  void a_simulated_node_reports_the_counter_whatever_how_often_it_is_sampled() {
    SimulatedSite often = new SimulatedSite(SiteSpec.demo(), 7, START);
    SimulatedSite once = new SimulatedSite(SiteSpec.demo(), 7, START);
    Instant end = START.plus(Duration.ofHours(3));
    double last = 0;
    for (Instant at = START; !at.isAfter(end); at = at.plus(Duration.ofMinutes(1))) {
      often.advanceTo(at);
      double count = correctedErrors(often.nodes().get(5));
      assertThat(count).isGreaterThanOrEqualTo(last);
      last = count;
    }
    once.advanceTo(end);
    assertThat(correctedErrors(once.nodes().get(5))).isEqualTo(last);
    double expected = new CorrectedErrorCounter(often.nodes().get(5).node(), 7, START)
        .countAt(end);
    assertThat(last).isEqualTo(expected);
  }

  private static double correctedErrors(SimulatedNode node) {
    return node.sample().node().getOrNaN(NodeMetric.ECC_CORRECTABLE_TOTAL);
  }
}
