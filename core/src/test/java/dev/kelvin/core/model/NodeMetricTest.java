package dev.kelvin.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NodeMetricTest {

  @Test
  void negative_watts_are_rejected_naming_field_unit_value_and_likely_cause() {
    assertThatThrownBy(() -> NodeMetric.POWER_WATTS.check(-1))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
          assertThat(e.field()).isEqualTo("power_w");
        })
        .hasMessageContaining("power_w").hasMessageContaining("W").hasMessageContaining("-1")
        .hasMessageContaining("missing reading sent as -1");
  }

  @Test
  void millidegrees_from_hwmon_are_rejected_with_the_hint_to_divide() {
    assertThatThrownBy(() -> NodeMetric.CPU_TEMP_CELSIUS.check(71_000))
        .hasMessageContaining("cpu_temp_c").hasMessageContaining("71000")
        .hasMessageContaining("millidegrees");
  }

  @Test
  void kilohertz_from_cpufreq_are_rejected_with_the_hint_to_divide() {
    assertThatThrownBy(() -> NodeMetric.CPU_FREQ_MHZ.check(2_400_000))
        .hasMessageContaining("kHz");
  }

  @Test
  void a_percentage_for_a_ratio_is_rejected_with_the_hint() {
    assertThatThrownBy(() -> NodeMetric.CPU_UTIL_RATIO.check(83))
        .hasMessageContaining("percentage");
  }

  @ParameterizedTest
  @EnumSource(NodeMetric.class)
  void nan_and_infinity_are_not_finite_for_every_metric(NodeMetric metric) {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> metric.check(bad))
          .isInstanceOfSatisfying(ValidationException.class,
              e -> assertThat(e.reason()).isEqualTo(RejectReason.NOT_FINITE));
    }
  }

  @ParameterizedTest
  @EnumSource(NodeMetric.class)
  void the_bounds_themselves_are_accepted_and_wire_names_resolve(NodeMetric metric) {
    assertThat(metric.check(metric.min())).isEqualTo(metric.min());
    assertThat(metric.check(metric.max())).isEqualTo(metric.max());
    assertThat(NodeMetric.fromWireName(metric.wireName())).contains(metric);
  }
}
