package dev.kelvin.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PowerModelsTest {
  private final PowerModel model = PowerModels.dvfs(120, 420, 2.0);

  @Test
  void draws_idle_power_when_nothing_runs() {
    assertThat(model.powerWatts(0, 1.0)).isEqualTo(120);
    assertThat(model.powerWatts(0, 0.4)).isEqualTo(120);
  }

  @Test
  void draws_max_power_when_fully_busy_at_the_maximum_clock() {
    assertThat(model.powerWatts(1, 1.0)).isEqualTo(420);
  }

  @Test
  void draws_less_under_a_frequency_cap_by_the_square_of_the_clock_ratio() {
    assertThat(model.powerWatts(1, 0.8)).isCloseTo(120 + 300 * 0.64, within(1e-9));
    assertThat(model.powerWatts(1, 0.8)).isLessThan(model.powerWatts(1, 0.9));
  }

  @Test
  void is_monotonic_in_utilisation_and_in_clock() {
    double previousUtil = -1;
    for (double util = 0; util <= 1.0; util += 0.05) {
      double previousFreq = -1;
      for (double freq = 0.4; freq <= 1.0; freq += 0.05) {
        double watts = model.powerWatts(util, freq);
        assertThat(watts).isGreaterThanOrEqualTo(previousFreq);
        previousFreq = watts;
      }
      double atMax = model.powerWatts(util, 1.0);
      assertThat(atMax).isGreaterThan(previousUtil);
      previousUtil = atMax;
    }
  }

  @Test
  void the_linear_model_ignores_the_clock() {
    PowerModel linear = PowerModels.linear(100, 300);
    assertThat(linear.powerWatts(0.5, 0.5)).isEqualTo(200);
    assertThat(linear.powerWatts(0.5, 1.0)).isEqualTo(200);
  }

  @Test
  void rejects_swapped_idle_and_max_naming_both() {
    assertThatThrownBy(() -> PowerModels.dvfs(420, 120, 2))
        .hasMessageContaining("maxWatts (120.0 W)").hasMessageContaining("swapped");
  }

  @Test
  void rejects_negative_watts_naming_field_and_unit() {
    assertThatThrownBy(() -> PowerModels.linear(-1, 300))
        .hasMessageContaining("idleWatts").hasMessageContaining("W, was -1.0");
  }

  @Test
  void rejects_a_utilisation_given_as_a_percentage() {
    assertThatThrownBy(() -> model.powerWatts(50, 1.0))
        .hasMessageContaining("utilRatio").hasMessageContaining("percentage");
  }

  @Test
  void rejects_a_clock_ratio_of_zero_or_nan() {
    assertThatThrownBy(() -> model.powerWatts(0.5, 0)).hasMessageContaining("freqRatio");
    assertThatThrownBy(() -> model.powerWatts(0.5, Double.NaN)).hasMessageContaining("NaN");
  }
}
