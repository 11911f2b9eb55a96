package dev.kelvin.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RcThermalModelTest {
  private final RcThermalModel model = new RcThermalModel(0.16, Duration.ofSeconds(30));

  @Test
  void settles_at_inlet_plus_resistance_times_power() {
    assertThat(model.steadyStateCelsius(24, 420)).isCloseTo(91.2, within(1e-9));
    assertThat(model.steadyStateCelsius(24, 312)).isCloseTo(73.92, within(1e-9));
  }

  @Test
  void converges_to_the_steady_state() {
    double temp = 40;
    for (int second = 0; second < 600; second++) {
      temp = model.step(temp, 24, 420, 1.0);
    }
    assertThat(temp).isCloseTo(91.2, within(1e-6));
  }

  @Test
  void covers_63_percent_of_the_gap_in_one_time_constant() {
    double temp = model.step(40, 24, 420, Duration.ofSeconds(30));
    assertThat((temp - 40) / (91.2 - 40)).isCloseTo(1 - Math.exp(-1), within(1e-12));
  }

  @Test
  void one_step_of_a_second_equals_ten_steps_of_a_tenth() {
    double coarse = model.step(50, 24, 380, 1.0);
    double fine = 50;
    for (int i = 0; i < 10; i++) {
      fine = model.step(fine, 24, 380, 0.1);
    }
    assertThat(fine).isCloseTo(coarse, within(1e-9));
  }

  @Test
  void cools_towards_a_lower_steady_state() {
    double temp = model.step(90, 24, 120, 5.0);
    assertThat(temp).isLessThan(90).isGreaterThan(model.steadyStateCelsius(24, 120));
  }

  @Test
  void rejects_a_zero_time_constant_and_a_negative_resistance() {
    assertThatThrownBy(() -> new RcThermalModel(0.16, Duration.ZERO))
        .hasMessageContaining("timeConstant");
    assertThatThrownBy(() -> new RcThermalModel(-0.16, Duration.ofSeconds(30)))
        .hasMessageContaining("resistanceCelsiusPerWatt").hasMessageContaining("°C/W");
  }
}
