package dev.kelvin.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SensorNoiseTest {
  @Test
  void never_errs_by_more_than_the_bound_but_does_err() {
    SensorNoise noise = new SensorNoise(3, 0.3);
    SplittableRandom random = new SplittableRandom(7);
    double largestPowerError = 0;
    for (int i = 0; i < 100_000; i++) {
      double powerError = Math.abs(noise.power(random, 300) - 300);
      assertThat(powerError).isLessThanOrEqualTo(3);
      assertThat(Math.abs(noise.temp(random, 60) - 60)).isLessThanOrEqualTo(0.3);
      largestPowerError = Math.max(largestPowerError, powerError);
    }
    assertThat(largestPowerError).isGreaterThan(2);
  }

  @Test
  void a_bound_of_zero_gives_exact_readings() {
    SplittableRandom random = new SplittableRandom(7);
    assertThat(SensorNoise.none().power(random, 300)).isEqualTo(300);
  }

  @Test
  void rejects_a_negative_bound_naming_the_field() {
    assertThatThrownBy(() -> new SensorNoise(-3, 0.3)).hasMessageContaining("powerNoiseWatts");
  }
}
