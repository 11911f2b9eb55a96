package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadRegimeTest {
  private static final int DAY = 24;

  private static LoadRegime regimeAtEnd(double... values) {
    SeriesPoint point = new SeriesPoint(LoadFixtures.series("t", Duration.ofHours(1), values),
        values.length - 1);
    return LoadRegime.of(point.lookback(), DAY, LoadFeatures.scale(point.lookback()));
  }

  @Test
  void a_series_that_holds_its_level_between_rare_jumps_is_still_and_its_moves_stay() {
    double[] values = new double[DAY + 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < 8 ? 100 : i < 16 ? 400 : 250;
    }

    LoadRegime regime = regimeAtEnd(values);

    assertThat(regime.still()).as("22 of 24 changes are 0").isCloseTo(22 / 24.0, within(1e-12));
    assertThat(regime.reversion()).as("a jump is never followed by another")
        .isCloseTo(-1 / 23.0, within(0.05));
    assertThat(regime.roughness()).as("the last 12 steps hold one jump of 150, as the day")
        .isCloseTo((450.0 / 24) / (150.0 / 11), within(1e-12));
  }

  @Test
  void a_series_that_jumps_and_comes_back_each_step_has_a_negative_reversion() {
    double[] values = new double[DAY + 1];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2 == 0 ? 100 : 140;
    }

    LoadRegime regime = regimeAtEnd(values);

    assertThat(regime.reversion()).isCloseTo(-1, within(1e-12));
    assertThat(regime.still()).isZero();
    assertThat(regime.roughness()).isCloseTo(1, within(1e-12));
  }

  @Test
  void a_day_with_five_known_changes_is_missing_never_zero() {
    LoadRegime regime = regimeAtEnd(5, Double.NaN, 7, 8, 9, 10, 11, 12);

    assertThat(regime.roughness()).isNaN();
    assertThat(regime.still()).isNaN();
    assertThat(regime.reversion()).isNaN();
  }

  @Test
  void a_day_with_six_known_changes_has_its_regime() {
    LoadRegime regime = regimeAtEnd(5, 6, 7, Double.NaN, 9, 10, 11, 12, 13);

    assertThat(regime.roughness()).isEqualTo(1);
  }

  @Test
  void changes_that_never_vary_have_no_autocorrelation() {
    assertThat(LoadRegime.autocorrelation(new double[] {2, 2, 2, 2, 2, 2, 2, 2})).isNaN();
  }
}
