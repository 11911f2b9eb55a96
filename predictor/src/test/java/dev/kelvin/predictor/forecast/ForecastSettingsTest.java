package dev.kelvin.predictor.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastSettingsTest {

  @Test
  void defaults_to_a_minute_ahead_from_half_a_minute_back_holding_out_a_fifth() {
    assertThat(ForecastSettings.defaults()).isEqualTo(
        new ForecastSettings(Duration.ofSeconds(60), Duration.ofSeconds(30), 0.2, 42));
  }

  @Test
  void refuses_a_test_fraction_given_as_a_percentage() {
    assertThatThrownBy(() -> new ForecastSettings(Duration.ofSeconds(60),
        Duration.ofSeconds(30), 20, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("testFraction").hasMessageContaining("20.0")
        .hasMessageContaining("percentage");
  }

  @Test
  void refuses_a_test_fraction_that_leaves_less_than_half_for_training() {
    assertThatThrownBy(() -> new ForecastSettings(Duration.ofSeconds(60),
        Duration.ofSeconds(30), 0.6, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(0, 0.5]");
  }

  @Test
  void refuses_a_horizon_under_one_second() {
    assertThatThrownBy(() -> new ForecastSettings(Duration.ofMillis(60),
        Duration.ofSeconds(30), 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon must be at least 1 s, was PT0.06S");
  }
}
