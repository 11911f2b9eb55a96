package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureHistoryFeaturesTest {
  private static final Instant T0 = Instant.parse("2004-01-01T00:00:00Z");

  private static Instant day(double d) {
    return T0.plus(Duration.ofSeconds(Math.round(d * 86_400)));
  }

  private static double feature(double[] values, String name) {
    return values[FailureHistoryFeatures.NAMES.indexOf(name)];
  }

  @Test
  void counts_windows_rate_and_time_since_last_from_failures_strictly_before_now() {
    // failures on days 10, 70, 95, 99.5 and 100 (now): the one at now is not history yet, and
    // the one exactly 30 days before now is outside the 30-day window (now - 30 d, now)
    List<Instant> failures = List.of(day(10), day(70), day(95), day(99.5), day(100));

    double[] v = FailureHistoryFeatures.values(failures, T0, day(100), 3);

    assertThat(v).hasSize(FailureHistoryFeatures.NAMES.size());
    assertThat(feature(v, "history_failures_total")).isEqualTo(4);
    assertThat(feature(v, "history_failures_7d")).isEqualTo(2);
    assertThat(feature(v, "history_failures_30d")).isEqualTo(2);
    assertThat(feature(v, "history_failures_1d")).isEqualTo(1);
    assertThat(feature(v, "history_days_since_last_failure")).isCloseTo(0.5, within(1e-9));
    assertThat(feature(v, "history_days_observed")).isCloseTo(100, within(1e-9));
    assertThat(feature(v, "history_system_failures_1d")).isEqualTo(3);
    assertThat(feature(v, "history_failures_per_year")).isCloseTo(4 / 100.0 * 365.25,
        within(1e-9));
  }

  @Test
  void a_node_never_seen_to_fail_has_an_unknown_time_since_and_a_zero_count() {
    double[] v = FailureHistoryFeatures.values(List.of(), T0, day(40), Double.NaN);

    assertThat(feature(v, "history_days_since_last_failure")).isNaN();
    assertThat(feature(v, "history_failures_total")).isZero();
    assertThat(feature(v, "history_failures_per_year")).isZero();
    assertThat(feature(v, "history_system_failures_1d")).isNaN();
  }

  @Test
  void the_rate_is_unknown_before_a_whole_day_was_watched() {
    double[] v = FailureHistoryFeatures.values(List.of(day(0.1)), T0, day(0.5), 1);

    assertThat(feature(v, "history_failures_per_year")).isNaN();
    assertThat(feature(v, "history_failures_total")).isEqualTo(1);
  }
}
