package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MetricValuesTest {

  @Test
  void an_absent_metric_is_empty_never_zero() {
    MetricValues values = MetricValues.builder().set(NodeMetric.POWER_WATTS, 250).build();
    assertThat(values.get(NodeMetric.CPU_TEMP_CELSIUS)).isEqualTo(OptionalDouble.empty());
    assertThat(values.has(NodeMetric.CPU_TEMP_CELSIUS)).isFalse();
    assertThat(values.get(NodeMetric.POWER_WATTS)).hasValue(250);
  }

  @Test
  void zero_is_a_real_value_distinct_from_absent() {
    MetricValues values = MetricValues.builder().set(NodeMetric.POWER_WATTS, 0).build();
    assertThat(values.has(NodeMetric.POWER_WATTS)).isTrue();
    assertThat(values.get(NodeMetric.POWER_WATTS)).hasValue(0);
  }

  @Test
  void the_builder_checks_every_value_as_it_is_set() {
    assertThatThrownBy(() -> MetricValues.builder().set(NodeMetric.POWER_WATTS, -5))
        .hasMessageContaining("power_w");
  }

  @Test
  void with_returns_a_copy_and_leaves_the_original_alone() {
    MetricValues original = MetricValues.builder().set(NodeMetric.POWER_WATTS, 250).build();
    MetricValues changed = original.with(NodeMetric.POWER_WATTS, 260);
    assertThat(original.get(NodeMetric.POWER_WATTS)).hasValue(250);
    assertThat(changed.get(NodeMetric.POWER_WATTS)).hasValue(260);
    assertThat(changed).isNotEqualTo(original);
  }

  @Test
  void as_map_lists_present_metrics_in_declaration_order() {
    MetricValues values = MetricValues.builder()
        .set(NodeMetric.CPU_FREQ_MHZ, 2400).set(NodeMetric.POWER_WATTS, 250).build();
    assertThat(values.asMap()).containsExactly(
        java.util.Map.entry(NodeMetric.POWER_WATTS, 250.0),
        java.util.Map.entry(NodeMetric.CPU_FREQ_MHZ, 2400.0));
    assertThat(values.toString()).isEqualTo("{power_w=250.0, cpu_freq_mhz=2400.0}");
  }

  @Test
  void equal_values_are_equal_and_hash_alike() {
    MetricValues a = MetricValues.builder().set(NodeMetric.POWER_WATTS, 250).build();
    MetricValues b = MetricValues.builder().set(NodeMetric.POWER_WATTS, 250).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(MetricValues.empty().isEmpty()).isTrue();
  }

  @Test
  void keeps_every_subset_of_metrics_as_set_whatever_the_order() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    NodeMetric[] all = NodeMetric.values();
    for (int round = 0; round < 500; round++) {
      java.util.Map<NodeMetric, Double> expected = new java.util.EnumMap<>(NodeMetric.class);
      MetricValues.Builder builder = MetricValues.builder();
      for (int i = 0; i < all.length; i++) {
        NodeMetric metric = all[random.nextInt(all.length)];
        if (random.nextBoolean()) {
          double value = inRange(metric, random);
          builder.set(metric, value);
          expected.put(metric, value);
        } else {
          builder.clear(metric);
          expected.remove(metric);
        }
      }
      MetricValues values = builder.build();

      assertThat(values.asMap()).isEqualTo(expected);
      for (NodeMetric metric : all) {
        assertThat(values.has(metric)).isEqualTo(expected.containsKey(metric));
        assertThat(values.getOrNaN(metric)).isEqualTo(expected.getOrDefault(metric, Double.NaN));
      }
      assertThat(values.toBuilder().build()).isEqualTo(values).hasSameHashCodeAs(values);
      assertThat(values.isEmpty()).isEqualTo(expected.isEmpty());
    }
  }

  @Test
  void keeps_every_metric_set_in_reverse_order_and_what_a_copy_adds() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    NodeMetric[] all = NodeMetric.values();
    java.util.Map<NodeMetric, Double> expected = new java.util.EnumMap<>(NodeMetric.class);
    MetricValues.Builder builder = MetricValues.builder();
    for (int i = all.length - 1; i >= 0; i--) {
      double value = inRange(all[i], random);
      builder.set(all[i], value);
      expected.put(all[i], value);
    }
    for (int i = 0; i < all.length; i += 2) {
      builder.clear(all[i]);
      expected.remove(all[i]);
    }
    MetricValues values = builder.build();
    double added = inRange(all[0], random);
    MetricValues copy = values.toBuilder().set(all[0], added).build();

    assertThat(values.asMap()).isEqualTo(expected);
    expected.put(all[0], added);
    assertThat(copy.asMap()).isEqualTo(expected);
  }

  /** A value {@code metric} accepts, varied by {@code random}. */
  private static double inRange(NodeMetric metric, java.util.SplittableRandom random) {
    double jitter = random.nextInt(10) / 100.0;
    for (double candidate : new double[] {jitter, 50 + jitter, 1000 + jitter}) {
      try {
        return metric.check(candidate);
      } catch (RuntimeException outOfRange) {
        // try a larger one
      }
    }
    throw new AssertionError("no candidate value in range for " + metric);
  }
}
