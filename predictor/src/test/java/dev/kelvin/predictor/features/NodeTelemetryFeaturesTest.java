package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.predictor.features.NodeTelemetryFeatures.UnknownReason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class NodeTelemetryFeaturesTest {

  /** {@code count} readings one minute apart, shaped by {@code reading}. */
  static List<NodeReading> minutes(int count, IntFunction<Readings> reading) {
    List<NodeReading> window = new ArrayList<>();
    for (int m = 0; m < count; m++) {
      window.add(reading.apply(m).at(MutableClock.START.plusSeconds(60L * m)).seq(m + 1)
          .build());
    }
    return window;
  }

  private static double value(double[] values, String name) {
    return values[NodeTelemetryFeatures.WINDOW_NAMES.indexOf(name)];
  }

  @Test
  void computes_mean_max_and_slope_per_minute_of_a_hand_built_window() {
    double[] temps = {60, 62, 67};
    double[] powers = {200, 200, 500};
    List<NodeReading> window = minutes(3, m -> Readings.reading()
        .with(NodeMetric.CPU_TEMP_CELSIUS, temps[m])
        .with(NodeMetric.INLET_TEMP_CELSIUS, 20)
        .with(NodeMetric.POWER_WATTS, powers[m])
        .with(NodeMetric.CPU_FREQ_MHZ, 2000 + 100 * m)
        .with(NodeMetric.CPU_UTIL_RATIO, m == 2 ? 1.0 : 0.25));

    double[] values = NodeTelemetryFeatures.windowValues(window);

    // times -2, -1, 0 min: slope = sum(dt*dv) / sum(dt^2) = (-1*-3 + 0 + 1*4) / 2
    assertThat(value(values, "cpu_temp_c_mean")).isCloseTo(63, within(1e-12));
    assertThat(value(values, "cpu_temp_c_max")).isEqualTo(67);
    assertThat(value(values, "cpu_temp_c_slope_per_min")).isCloseTo(3.5, within(1e-12));
    assertThat(value(values, "inlet_temp_c_slope_per_min")).isCloseTo(0, within(1e-12));
    assertThat(value(values, "power_w_mean")).isCloseTo(300, within(1e-12));
    assertThat(value(values, "power_w_max")).isEqualTo(500);
    assertThat(value(values, "power_w_slope_per_min")).isCloseTo(150, within(1e-9));
    assertThat(value(values, "cpu_freq_mhz_slope_per_min")).isCloseTo(100, within(1e-9));
    assertThat(value(values, "cpu_util_mean")).isCloseTo(0.5, within(1e-12));
    // (60-20)/0.2 = 200, (62-20)/0.2 = 210, (67-20)/0.5 = 94 K/kW
    assertThat(value(values, "thermal_resistance_k_per_kw_mean"))
        .isCloseTo(168, within(1e-9));
    // mean 168: ((-1)(200 - 168) + (1)(94 - 168)) / 2
    assertThat(value(values, "thermal_resistance_k_per_kw_slope_per_min"))
        .isCloseTo(-53, within(1e-9));
  }

  @Test
  void leaves_a_metric_the_node_does_not_report_missing_rather_than_zero() {
    List<NodeReading> window = minutes(3, m -> Readings.reading()
        .without(NodeMetric.INLET_TEMP_CELSIUS));

    double[] values = NodeTelemetryFeatures.windowValues(window);

    assertThat(value(values, "inlet_temp_c_mean")).isNaN();
    assertThat(value(values, "inlet_temp_c_max")).isNaN();
    assertThat(value(values, "inlet_temp_c_slope_per_min")).isNaN();
    assertThat(value(values, "thermal_resistance_k_per_kw_mean")).isNaN();
    assertThat(value(values, "cpu_temp_c_mean")).isEqualTo(60);
  }

  @Test
  void takes_the_mean_over_the_readings_that_carry_a_metric_and_no_slope_from_one() {
    List<NodeReading> window = minutes(3, m -> m == 2
        ? Readings.reading().with(NodeMetric.POWER_WATTS, 400)
        : Readings.reading().without(NodeMetric.POWER_WATTS));

    double[] values = NodeTelemetryFeatures.windowValues(window);

    assertThat(value(values, "power_w_mean")).isEqualTo(400);
    assertThat(value(values, "power_w_slope_per_min")).isNaN();
  }

  @Test
  void a_stale_node_is_unknown() {
    List<NodeReading> window = minutes(5, m -> Readings.reading()
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, 3));
    NodeView stale = new NodeView(window.get(0).node(), window.get(0).rack(),
        window.get(4), window, window.get(4).at(), true);

    assertThat(NodeTelemetryFeatures.unknownReason(stale)).contains(UnknownReason.STALE);
  }

  @Test
  void a_node_without_an_error_counter_or_cpu_temperature_is_unknown() {
    List<NodeReading> noCounter = minutes(5, m -> Readings.reading());
    List<NodeReading> noTemp = minutes(5, m -> Readings.reading()
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, 3).without(NodeMetric.CPU_TEMP_CELSIUS)
        .without(NodeMetric.CPU_TEMP_LIMIT_CELSIUS));

    assertThat(NodeTelemetryFeatures.unknownReason(fresh(noCounter)))
        .contains(UnknownReason.MISSING_SIGNAL);
    assertThat(NodeTelemetryFeatures.unknownReason(fresh(noTemp)))
        .contains(UnknownReason.MISSING_SIGNAL);
  }

  @Test
  void a_window_of_two_readings_is_too_short() {
    List<NodeReading> window = minutes(2, m -> Readings.reading()
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, 3));

    assertThat(NodeTelemetryFeatures.unknownReason(fresh(window)))
        .contains(UnknownReason.SHORT_HISTORY);
    assertThat(NodeTelemetryFeatures.unknownReason(fresh(minutes(3, m -> Readings.reading()
        .with(NodeMetric.ECC_CORRECTABLE_TOTAL, 3))))).isEmpty();
  }

  @Test
  void names_every_feature_once_in_one_feature_set() {
    assertThat(NodeTelemetryFeatures.FEATURES.name()).isEqualTo("node-failure");
    assertThat(NodeTelemetryFeatures.NAMES).hasSize(NodeTelemetryFeatures.WINDOW_NAMES.size()
        + NodeTelemetryFeatures.ECC_NAMES.size() + FailureHistoryFeatures.NAMES.size());
    assertThat(NodeTelemetryFeatures.NAMES).doesNotHaveDuplicates();
  }

  static NodeView fresh(List<NodeReading> window) {
    NodeReading latest = window.get(window.size() - 1);
    return new NodeView(latest.node(), latest.rack(), latest, window, latest.at(), false);
  }
}
