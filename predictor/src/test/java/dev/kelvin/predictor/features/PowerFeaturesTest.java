package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.features.FeatureResult.Extracted;
import dev.kelvin.predictor.features.FeatureResult.SkipReason;
import dev.kelvin.predictor.features.FeatureResult.Skipped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class PowerFeaturesTest {
  private final PowerFeatures features = new PowerFeatures(Duration.ofSeconds(30));

  /** One reading a second for {@code count} seconds, shaped by {@code reading}. */
  private static List<NodeReading> window(int count, IntFunction<Readings> reading) {
    List<NodeReading> window = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      window.add(reading.apply(s).at(MutableClock.START.plusSeconds(s)).seq(s + 1).build());
    }
    return window;
  }

  private static PowerFeatureVector extracted(FeatureResult result) {
    assertThat(result).isInstanceOf(Extracted.class);
    return ((Extracted) result).features();
  }

  @Test
  void extracts_each_named_feature_from_a_hand_built_window() {
    List<NodeReading> window = window(31, s -> Readings.reading()
        .with(NodeMetric.POWER_WATTS, 200 + 2.0 * s)
        .with(NodeMetric.CPU_UTIL_RATIO, s == 30 ? 0.8 : 0.5)
        .with(NodeMetric.CPU_FREQ_CAP_MHZ, 2400)
        .with(NodeMetric.CPU_FREQ_MAX_MHZ, 3000));

    PowerFeatureVector vector = extracted(features.extract(window));

    assertThat(vector.powerWatts()).isEqualTo(260);
    assertThat(vector.meanPowerWatts()).isCloseTo(230, within(1e-9));
    assertThat(vector.powerSlopeWattsPerSecond()).isCloseTo(2.0, within(1e-9));
    assertThat(vector.cpuUtilRatio()).isEqualTo(0.8);
    assertThat(vector.meanCpuUtilRatio()).isCloseTo((30 * 0.5 + 0.8) / 31, within(1e-12));
    assertThat(vector.capRatio()).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void extracts_the_same_features_from_a_node_that_reports_no_temperatures() {
    List<NodeReading> warm = window(31, s -> Readings.reading()
        .with(NodeMetric.POWER_WATTS, 200 + 2.0 * s));
    List<NodeReading> bare = window(31, s -> Readings.reading()
        .with(NodeMetric.POWER_WATTS, 200 + 2.0 * s)
        .without(NodeMetric.CPU_TEMP_CELSIUS).without(NodeMetric.CPU_TEMP_LIMIT_CELSIUS)
        .without(NodeMetric.INLET_TEMP_CELSIUS));

    FeatureResult result = features.extract(bare);

    assertThat(extracted(result)).isEqualTo(extracted(features.extract(warm)));
  }

  @Test
  void names_the_features_with_their_units_in_the_order_of_the_values() {
    PowerFeatureVector vector = new PowerFeatureVector(1, 2, 3, 4, 5, 6);

    assertThat(PowerFeatureVector.NAMES).containsExactly("power_w", "power_mean_w",
        "power_slope_w_per_s", "cpu_util", "cpu_util_mean", "cap_ratio");
    assertThat(vector.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void looks_only_at_the_last_window_of_a_longer_history() {
    List<NodeReading> window = window(120, s -> Readings.reading()
        .with(NodeMetric.POWER_WATTS, s < 80 ? 900 : 300));

    PowerFeatureVector vector = extracted(features.extract(window));

    assertThat(vector.meanPowerWatts()).isEqualTo(300);
    assertThat(vector.powerSlopeWattsPerSecond()).isCloseTo(0, within(1e-9));
  }

  @Test
  void reads_a_falling_power_as_a_negative_slope() {
    List<NodeReading> window = window(31, s -> Readings.reading()
        .with(NodeMetric.POWER_WATTS, 500 - 10.0 * s));

    assertThat(extracted(features.extract(window)).powerSlopeWattsPerSecond())
        .isCloseTo(-10, within(1e-9));
  }

  @Test
  void averages_over_the_readings_that_carry_a_metric_when_a_few_lack_it() {
    List<NodeReading> window = window(31, s -> s == 10
        ? Readings.reading().without(NodeMetric.CPU_UTIL_RATIO)
        : Readings.reading().with(NodeMetric.CPU_UTIL_RATIO, s < 10 ? 0.2 : 0.6));

    assertThat(extracted(features.extract(window)).meanCpuUtilRatio())
        .isCloseTo((10 * 0.2 + 20 * 0.6) / 30, within(1e-12));
  }

  @Test
  void extracts_from_a_node_view_as_from_its_window() {
    List<NodeReading> window = window(40, s -> Readings.reading()
        .with(NodeMetric.POWER_WATTS, 250 + s));
    NodeReading latest = window.get(window.size() - 1);
    NodeView view = new NodeView(latest.node(), latest.rack(), latest, window, latest.at(),
        false);

    assertThat(features.extract(view)).isEqualTo(features.extract(window));
  }

  @Test
  void skips_a_window_whose_latest_reading_lacks_power() {
    List<NodeReading> window = window(31, s -> s == 30
        ? Readings.reading().without(NodeMetric.POWER_WATTS) : Readings.reading());

    FeatureResult result = features.extract(window);

    assertThat(result).isInstanceOf(Skipped.class);
    assertThat(((Skipped) result).reason()).isEqualTo(SkipReason.MISSING_METRIC);
    assertThat(((Skipped) result).detail()).contains("power_w");
  }

  @Test
  void skips_a_window_where_most_readings_lack_power() {
    List<NodeReading> window = window(31, s -> s % 3 == 0 || s == 30
        ? Readings.reading() : Readings.reading().without(NodeMetric.POWER_WATTS));

    FeatureResult result = features.extract(window);

    assertThat(result).isEqualTo(new Skipped(SkipReason.MISSING_METRIC,
        "power_w is present in only 11 of 31 readings of site-a/n01 in the last PT30S"));
  }

  @Test
  void names_every_metric_the_latest_reading_lacks() {
    List<NodeReading> window = window(31, s -> Readings.reading()
        .without(NodeMetric.CPU_FREQ_CAP_MHZ).without(NodeMetric.CPU_FREQ_MAX_MHZ));

    FeatureResult result = features.extract(window);

    assertThat(((Skipped) result).reason()).isEqualTo(SkipReason.MISSING_METRIC);
    assertThat(((Skipped) result).detail())
        .isEqualTo("latest reading of site-a/n01 lacks cpu_freq_cap_mhz, cpu_freq_max_mhz");
  }

  @Test
  void skips_a_window_that_reaches_back_less_than_the_feature_window() {
    List<NodeReading> window = window(20, s -> Readings.reading());

    FeatureResult result = features.extract(window);

    assertThat(((Skipped) result).reason()).isEqualTo(SkipReason.TOO_SHORT);
    assertThat(((Skipped) result).detail()).contains("20 readings", "PT19S", "PT30S");
  }

  @Test
  void accepts_a_window_that_reaches_back_nine_tenths_of_the_feature_window() {
    assertThat(features.extract(window(28, s -> Readings.reading())))
        .isInstanceOf(Extracted.class);
    assertThat(features.extract(window(27, s -> Readings.reading())))
        .isInstanceOf(Skipped.class);
  }

  @Test
  void skips_a_window_of_too_few_readings_however_far_apart() {
    Instant start = MutableClock.START;
    List<NodeReading> window = List.of(
        Readings.reading().at(start).seq(1).build(),
        Readings.reading().at(start.plusSeconds(30)).seq(2).build());

    assertThat(((Skipped) features.extract(window)).reason()).isEqualTo(SkipReason.TOO_SHORT);
  }

  @Test
  void skips_an_empty_window() {
    assertThat(((Skipped) features.extract(List.of())).reason())
        .isEqualTo(SkipReason.TOO_SHORT);
  }

  @Test
  void refuses_a_feature_window_under_one_second() {
    assertThatThrownBy(() -> new PowerFeatures(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1 s").hasMessageContaining("PT0.5S");
  }

  @Test
  void refuses_a_feature_vector_with_a_value_that_is_not_a_number() {
    assertThatThrownBy(() -> new PowerFeatureVector(300, Double.NaN, 0, 0.5, 0.5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("power_mean_w").hasMessageContaining("NaN");
  }
}
