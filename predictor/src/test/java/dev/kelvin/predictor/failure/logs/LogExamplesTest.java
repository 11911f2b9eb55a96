package dev.kelvin.predictor.failure.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.predictor.failure.ExampleSettings;
import dev.kelvin.predictor.failure.FailureExample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogExamplesTest {
  private static final Instant T0 = Instant.parse("2003-05-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  private static Instant at(double days) {
    return T0.plusSeconds(Math.round(days * 86_400));
  }

  private static double feature(FailureExample e, String name) {
    return e.features()[LogFeatures.FEATURES.names().indexOf(name)];
  }

  /**
   * Node a, watched from noon of day 0 to day 7, fails at 06:00 of day 2, at midnight starting
   * day 4 and at 21:36 of day 4, down from then until 04:48 of day 5; node b never fails.
   * Horizon one day, anchors at midnight.
   */
  private static List<FailureExample> tinyLog() {
    NodeLog a = new NodeLog("a", at(0.5), at(7), List.of(at(4.9), at(2.25), at(4)),
        List.of(new NodeLog.Outage(at(2.25), at(2.3)), new NodeLog.Outage(at(4.9), at(5.2))));
    NodeLog b = new NodeLog("b", at(0.5), at(7), List.of(), List.of());
    return LogExamples.of(new SystemLog("x", List.of(a, b)), DAY, DAY,
        ExampleSettings.defaults());
  }

  private static FailureExample example(String node, double day) {
    return tinyLog().stream().filter(e -> e.node().equals(node) && e.anchor().equals(at(day)))
        .findFirst().orElseThrow();
  }

  @Test
  void anchors_every_midnight_the_node_is_watched_and_up_with_the_whole_horizon_ahead() {
    List<FailureExample> a = tinyLog().stream().filter(e -> e.node().equals("a")).toList();

    // the first midnight after noon of day 0 is day 1; day 6 is the last whose day ahead is
    // watched; at day 5 the node is down
    assertThat(a).extracting(FailureExample::anchor)
        .containsExactly(at(1), at(2), at(3), at(4), at(6));
    // day 3's window [3, 4) ends just as the failure at day 4 starts
    assertThat(a).extracting(FailureExample::label)
        .containsExactly(false, true, false, true, false);
    assertThat(a.get(4).secondsToNextFailure()).isNaN();
  }

  @Test
  void a_failure_at_the_anchor_is_its_label_but_not_yet_its_history() {
    FailureExample day4 = example("a", 4);

    assertThat(day4.label()).isTrue();
    assertThat(day4.secondsToNextFailure()).isZero();
    assertThat(feature(day4, "history_failures_7d")).isEqualTo(1);
    assertThat(feature(day4, "history_failures_1d")).isZero();
    assertThat(feature(day4, "history_days_since_last_failure")).isCloseTo(1.75, within(1e-9));
    assertThat(feature(day4, "history_failures_per_year")).isCloseTo(1 / 3.5 * 365.25,
        within(1e-9));
  }

  @Test
  void the_system_count_takes_every_node_of_the_system_in_the_day_before() {
    assertThat(feature(example("b", 2), "history_system_failures_1d")).isZero();
    assertThat(feature(example("b", 3), "history_system_failures_1d")).isEqualTo(1);
    assertThat(feature(example("b", 5), "history_system_failures_1d")).isEqualTo(2);
    assertThat(feature(example("b", 5), "history_days_since_last_failure")).isNaN();
  }

  @Test
  void a_capped_system_keeps_every_positive_and_weights_the_negatives_it_keeps() {
    List<NodeLog> nodes = new java.util.ArrayList<>();
    for (int n = 0; n < 200; n++) {
      nodes.add(new NodeLog("n" + n, T0, at(400), n % 20 == 0 ? List.of(at(100 + n)) : List.of(),
          List.of()));
    }
    SystemLog system = new SystemLog("big", nodes);
    List<FailureExample> all = LogExamples.of(system, DAY, DAY, ExampleSettings.defaults());
    List<FailureExample> capped = LogExamples.of(system, DAY, DAY,
        new ExampleSettings(Optional.empty(), 8_000, 1));

    assertThat(all).hasSize(200 * 400);
    assertThat(capped.stream().filter(FailureExample::label).count())
        .isEqualTo(all.stream().filter(FailureExample::label).count()).isEqualTo(10);
    assertThat(capped.size()).isBetween(7_500, 8_500);
    double weight = capped.stream().filter(e -> !e.label()).mapToDouble(FailureExample::weight)
        .sum();
    assertThat(weight).isCloseTo(200 * 400 - 10, within(0.03 * 200 * 400));
    assertThat(capped.stream().filter(e -> !e.label()))
        .allSatisfy(e -> assertThat(e.weight()).isCloseTo(10, within(1e-9)));
  }
}
