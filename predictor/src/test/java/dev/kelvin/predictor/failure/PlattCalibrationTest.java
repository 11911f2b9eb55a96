package dev.kelvin.predictor.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlattCalibrationTest {
  @Test
  void recovers_the_slope_and_intercept_that_generated_the_labels() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 40_000;
    double[] raw = new double[n];
    boolean[] labels = new boolean[n];
    double[] weights = new double[n];
    PlattCalibration truth = new PlattCalibration(0.5, -2);
    for (int i = 0; i < n; i++) {
      raw[i] = random.nextDouble();
      labels[i] = random.nextDouble() < truth.apply(raw[i]);
      weights[i] = 1;
    }

    PlattCalibration fitted = PlattCalibration.fit(raw, labels, weights);

    assertThat(fitted.slope()).isCloseTo(0.5, within(0.05));
    assertThat(fitted.intercept()).isCloseTo(-2, within(0.1));
  }

  @Test
  void a_negative_of_weight_ten_counts_as_ten() {
    double[] raw = {0.9, 0.9, 0.1, 0.1};
    boolean[] labels = {true, false, true, false};
    PlattCalibration weighted = PlattCalibration.fit(raw, labels, new double[] {1, 10, 1, 10});
    PlattCalibration plain = PlattCalibration.fit(raw, labels, new double[] {1, 1, 1, 1});

    assertThat(weighted.apply(0.9)).isLessThan(plain.apply(0.9));
    assertThat(weighted.apply(0.9)).isCloseTo(1.0 / 11, within(0.05));
  }

  @Test
  void round_trips_through_model_settings_and_refuses_an_unknown_kind() {
    PlattCalibration calibration = new PlattCalibration(1.25, -3.5);

    assertThat(PlattCalibration.fromSettings(calibration.settings())).isEqualTo(calibration);
    assertThatThrownBy(() -> PlattCalibration.fromSettings(java.util.Map.of("calibration",
        "isotonic"))).hasMessageContaining("calibration 'isotonic' is not known here");
  }
}
