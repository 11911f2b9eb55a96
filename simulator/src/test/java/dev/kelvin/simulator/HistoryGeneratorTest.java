package dev.kelvin.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {
  private static final Instant START = MutableClock.START;

  @Test
  void gives_one_reading_per_node_per_sample_time() {
    List<NodeReading> history = generate(Duration.ofMinutes(10), Duration.ofSeconds(5), 0.05);
    assertThat(history).hasSize(32 * 120);
    assertThat(byNode(history)).hasSize(32).allSatisfy((node, readings) -> {
      assertThat(readings).hasSize(120);
      assertThat(readings.get(0).at()).isEqualTo(START);
      assertThat(readings.get(119).at()).isEqualTo(START.plusSeconds(595));
    });
  }

  @Test
  void orders_each_nodes_readings_by_time_and_numbers_them_from_one() {
    List<NodeReading> history = generate(Duration.ofMinutes(10), Duration.ofSeconds(5), 0.05);
    byNode(history).values().forEach(readings -> {
      for (int i = 0; i < readings.size(); i++) {
        assertThat(readings.get(i).seq()).isEqualTo(i + 1);
        assertThat(readings.get(i).at()).isEqualTo(START.plusSeconds(5L * i));
      }
    });
  }

  @Test
  void a_run_continued_in_parts_gives_the_history_of_one_call() {
    HistoryGenerator.Run run = HistoryGenerator.start(SiteSpec.demo(), 9, START,
        Duration.ofSeconds(5), 0.05);
    List<NodeReading> parts = new java.util.ArrayList<>(run.next(Duration.ofMinutes(4)));
    parts.addAll(run.next(Duration.ofMinutes(6)));

    assertThat(parts).isEqualTo(generate(Duration.ofMinutes(10), Duration.ofSeconds(5), 0.05));
  }

  @Test
  void a_run_sampled_sparsely_then_densely_goes_on_in_time_and_numbering() {
    HistoryGenerator.Run run = HistoryGenerator.start(SiteSpec.demo(), 9, START,
        Duration.ofSeconds(60), 0.0);
    List<NodeReading> sparse = run.next(Duration.ofMinutes(3));
    List<NodeReading> dense = run.sampleEvery(Duration.ofSeconds(1)).next(Duration.ofSeconds(5));

    List<NodeReading> node = byNode(concat(sparse, dense)).values().iterator().next();
    assertThat(node).extracting(NodeReading::at).containsExactly(START, START.plusSeconds(60),
        START.plusSeconds(120), START.plusSeconds(180), START.plusSeconds(181),
        START.plusSeconds(182), START.plusSeconds(183), START.plusSeconds(184));
    assertThat(node).extracting(NodeReading::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L,
        8L);
  }

  @Test
  void varies_the_caps_across_the_clock_range() {
    List<NodeReading> history = generate(Duration.ofMinutes(30), Duration.ofSeconds(1), 0.01);
    List<Double> caps = history.stream()
        .map(r -> r.metrics().getOrNaN(NodeMetric.CPU_FREQ_CAP_MHZ)).distinct().toList();
    assertThat(caps.size()).isGreaterThan(10);
    assertThat(caps).allSatisfy(cap -> assertThat(cap).isBetween(1200.0, 3000.0));
    assertThat(caps).contains(3000.0).anyMatch(cap -> cap < 2000);
  }

  @Test
  void shows_that_busy_nodes_draw_less_power_under_low_caps() {
    List<NodeReading> history = generate(Duration.ofHours(1), Duration.ofSeconds(1), 0.01);
    double uncapped = meanBusyPower(history, 3000, 3000);
    double capped = meanBusyPower(history, 1200, 2000);
    assertThat(capped).isLessThan(uncapped - 50);
  }

  @Test
  void leaves_the_caps_alone_when_the_probability_is_zero() {
    List<NodeReading> history = generate(Duration.ofMinutes(10), Duration.ofSeconds(1), 0);
    assertThat(history).allSatisfy(reading ->
        assertThat(reading.cpuFreqCapMhz()).hasValue(3000));
  }

  @Test
  void every_reading_is_valid_and_carries_every_cpu_metric_and_the_corrected_error_counter() {
    List<NodeReading> history = generate(Duration.ofMinutes(10), Duration.ofSeconds(2), 0.05);
    assertThat(history).allSatisfy(reading -> {
      assertThat(reading.node().site().value()).isEqualTo("site-a");
      assertThat(reading.metrics().asMap()).hasSize(10);
      assertThat(reading.metrics().has(NodeMetric.ECC_CORRECTABLE_TOTAL)).isTrue();
      assertThat(reading.cpuUtilRatio().getAsDouble()).isBetween(0.0, 1.0);
      assertThat(reading.powerWatts().getAsDouble()).isBetween(117.0, 423.0);
    });
  }

  @Test
  void the_same_seed_gives_the_same_history() {
    assertThat(generate(Duration.ofMinutes(5), Duration.ofSeconds(1), 0.05))
        .isEqualTo(generate(Duration.ofMinutes(5), Duration.ofSeconds(1), 0.05));
  }

  @Test
  void rejects_a_sampling_interval_below_the_physics_step_and_swapped_arguments() {
    assertThatThrownBy(() -> generate(Duration.ofMinutes(1), Duration.ofMillis(100), 0))
        .hasMessageContaining("sampleEvery").hasMessageContaining("physics step");
    assertThatThrownBy(() -> generate(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
        .hasMessageContaining("swapped");
  }

  @Test
  void rejects_a_probability_given_as_a_percentage_and_a_history_too_large_to_hold() {
    assertThatThrownBy(() -> generate(Duration.ofMinutes(1), Duration.ofSeconds(1), 5))
        .hasMessageContaining("capChangeProbability").hasMessageContaining("percentage");
    assertThatThrownBy(() -> generate(Duration.ofDays(30), Duration.ofSeconds(1), 0))
        .hasMessageContaining("readings").hasMessageContaining("in parts");
  }

  private static List<NodeReading> concat(List<NodeReading> first, List<NodeReading> then) {
    List<NodeReading> all = new java.util.ArrayList<>(first);
    all.addAll(then);
    return all;
  }

  private static List<NodeReading> generate(Duration span, Duration every, double probability) {
    return HistoryGenerator.generate(SiteSpec.demo(), 9, START, span, every, probability);
  }

  private static Map<NodeId, List<NodeReading>> byNode(List<NodeReading> history) {
    return history.stream().collect(Collectors.groupingBy(NodeReading::node));
  }

  /** Mean power of fully busy readings whose cap lies within {@code low..high} MHz. */
  private static double meanBusyPower(List<NodeReading> history, double low, double high) {
    return history.stream()
        .filter(r -> r.cpuUtilRatio().getAsDouble() > 0.9)
        .filter(r -> r.cpuFreqCapMhz().getAsDouble() >= low
            && r.cpuFreqCapMhz().getAsDouble() <= high)
        .mapToDouble(r -> r.powerWatts().getAsDouble()).average().orElseThrow();
  }
}
