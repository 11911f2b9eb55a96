package dev.kelvin.predictor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.datasets.load.LoadSeries;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadFeaturesTest {
  private static final LoadHorizons HOURLY = LoadHorizons.forStep(Duration.ofHours(1));

  private static double[] features(LoadSeries series, int anchor) {
    double[] out = new double[LoadFeatures.names(HOURLY).size()];
    Arrays.fill(out, -999);
    SeriesPoint point = new SeriesPoint(series, anchor);
    assertThat(LoadFeatures.compute(point.lookback(), point.madeAt(), ZoneOffset.UTC, HOURLY,
        out)).isTrue();
    return out;
  }

  private static double feature(double[] values, String name) {
    return values[LoadFeatures.names(HOURLY).indexOf(name)];
  }

  @Test
  void names_one_day_ago_pair_per_horizon_and_only_the_horizons_of_the_step() {
    assertThat(LoadFeatures.names(HOURLY)).containsExactly("level", "roughness", "lag_1",
        "lag_2", "lag_3", "lag_6", "lag_12", "mean_3", "mean_12", "max_12", "min_12", "slope_6",
        "known_12", "roughness_day", "still_day", "reversion_day", "day_ago_60m",
        "day_change_60m", "tod_sin", "tod_cos");
    assertThat(LoadFeatures.names(LoadHorizons.forStep(Duration.ofMinutes(5))))
        .contains("day_ago_5m", "day_change_15m", "day_ago_60m");
  }

  @Test
  void features_of_a_rising_series_match_the_hand_computed_window() {
    double[] values = new double[30];
    Arrays.setAll(values, i -> 10 + i);
    // anchor 25 (value 35), made at 26:00, i.e. 02:00 the next day; window 14..25 holds 24..35
    double[] f = features(LoadFixtures.series("t", Duration.ofHours(1), values), 25);

    assertThat(feature(f, "level")).isCloseTo(35 / 29.5, within(1e-12));
    assertThat(feature(f, "roughness")).isCloseTo(1 / 29.5, within(1e-12));
    assertThat(List.of(feature(f, "lag_1"), feature(f, "lag_2"), feature(f, "lag_3"),
        feature(f, "lag_6"), feature(f, "lag_12"))).containsExactly(-1.0, -2.0, -3.0, -6.0,
        -12.0);
    assertThat(feature(f, "mean_3")).isEqualTo(-1);
    assertThat(feature(f, "mean_12")).isEqualTo(-5.5);
    assertThat(feature(f, "max_12")).isEqualTo(0);
    assertThat(feature(f, "min_12")).isEqualTo(-11);
    assertThat(feature(f, "slope_6")).isCloseTo(1, within(1e-12));
    assertThat(feature(f, "known_12")).isEqualTo(1);
    assertThat(feature(f, "roughness_day")).as("a change of 1 each step, as the scale")
        .isEqualTo(1);
    assertThat(feature(f, "still_day")).isZero();
    assertThat(feature(f, "reversion_day")).as("changes that never vary").isNaN();
    assertThat(feature(f, "day_ago_60m")).as("value 2 = 12, a day before the target 26")
        .isEqualTo(12 - 35);
    assertThat(feature(f, "day_change_60m")).as("12 at 2 less 11 at 1").isEqualTo(1);
    assertThat(feature(f, "tod_sin")).isCloseTo(0.5, within(1e-12));
    assertThat(feature(f, "tod_cos")).isCloseTo(Math.sqrt(3) / 2, within(1e-12));
  }

  @Test
  void values_in_a_gap_or_before_the_series_are_missing_never_zero() {
    double[] values = {4, 6, Double.NaN, 8};
    double[] f = features(LoadFixtures.series("t", Duration.ofHours(1), values), 3);

    assertThat(feature(f, "lag_1")).isNaN();
    assertThat(feature(f, "lag_2")).as("(6 - 8) / scale 2").isEqualTo(-1);
    assertThat(feature(f, "lag_6")).isNaN();
    assertThat(feature(f, "slope_6")).as("three known values make a slope").isFinite();
    assertThat(feature(f, "day_ago_60m")).isNaN();
    assertThat(feature(f, "known_12")).isEqualTo(3 / 12.0);
    assertThat(feature(f, "roughness_day")).as("one known change of a day").isNaN();
  }

  @Test
  void a_series_seen_for_one_step_has_its_level_and_nothing_else() {
    double[] f = features(LoadFixtures.series("t", Duration.ofHours(1), 50), 0);

    assertThat(feature(f, "level")).isEqualTo(1);
    assertThat(feature(f, "mean_12")).isZero();
    assertThat(feature(f, "roughness")).isNaN();
    assertThat(feature(f, "lag_1")).isNaN();
    assertThat(feature(f, "slope_6")).isNaN();
  }

  @Test
  void without_the_last_value_there_are_no_features() {
    SeriesPoint point = new SeriesPoint(
        LoadFixtures.series("t", Duration.ofHours(1), 5, Double.NaN), 1);

    assertThat(LoadFeatures.compute(point.lookback(), point.madeAt(), ZoneOffset.UTC, HOURLY,
        new double[LoadFeatures.names(HOURLY).size()])).isFalse();
    assertThat(point.anchor(HOURLY, LoadFeatures.names(HOURLY).size())).isNull();
  }

  @Test
  void the_scale_is_the_local_step_change_else_the_level_else_one() {
    assertThat(LoadFeatures.scale(new SeriesPoint(
        LoadFixtures.series("t", Duration.ofHours(1), 10, 14, 12), 2).lookback())).isEqualTo(3);
    assertThat(LoadFeatures.scale(new SeriesPoint(
        LoadFixtures.series("t", Duration.ofHours(1), 7, 7), 1).lookback())).isEqualTo(7);
    assertThat(LoadFeatures.scale(new SeriesPoint(
        LoadFixtures.series("t", Duration.ofHours(1), 0, 0), 1).lookback())).isEqualTo(1);
  }
}
