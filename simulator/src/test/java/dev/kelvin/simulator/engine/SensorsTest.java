package dev.kelvin.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SensorsTest {
  @Test
  void reads_the_modelled_temperature_exactly_without_noise() {
    Sensors exact = new Sensors(Optional.empty(), 0, 7);

    assertThat(exact.cpuTempC(3, 120, 61.5)).isEqualTo(61.5);
  }

  @Test
  void keeps_a_noisy_reading_within_its_bound_with_a_third_of_it_as_standard_deviation() {
    Sensors noisy = new Sensors(Optional.empty(), 1.5, 7);
    double sum = 0;
    double squares = 0;
    int n = 20_000;

    for (int k = 0; k < n; k++) {
      double error = noisy.cpuTempC(k % 50, 60.0 * k, 60) - 60;
      assertThat(Math.abs(error)).isLessThanOrEqualTo(1.5);
      sum += error;
      squares += error * error;
    }

    assertThat(sum / n).isCloseTo(0, within(0.02));
    assertThat(Math.sqrt(squares / n)).isCloseTo(0.5, within(0.02));
  }

  @Test
  void reads_the_same_at_one_instant_and_differently_at_another_node_or_time() {
    Sensors noisy = new Sensors(Optional.empty(), 1.5, 7);

    assertThat(noisy.cpuTempC(3, 120, 60)).isEqualTo(noisy.cpuTempC(3, 120, 60));
    assertThat(noisy.cpuTempC(3, 120, 60)).isNotEqualTo(noisy.cpuTempC(4, 120, 60))
        .isNotEqualTo(noisy.cpuTempC(3, 180, 60));
    assertThat(new Sensors(Optional.empty(), 1.5, 8).cpuTempC(3, 120, 60))
        .isNotEqualTo(noisy.cpuTempC(3, 120, 60));
  }
}
