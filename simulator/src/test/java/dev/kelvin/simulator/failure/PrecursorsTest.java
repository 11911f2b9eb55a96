package dev.kelvin.simulator.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecursorsTest {
  private static final List<PlannedFailure> ONE_FAILURE =
      List.of(new PlannedFailure(0, 10_000, 600));

  /** Lead 1,000 s, 3.6 errors/h (0.001/s) on average, peak 100 times, 3 degrees C. */
  private static PrecursorSettings settings(double share) {
    return new PrecursorSettings(Duration.ofSeconds(1_000), share, 3.6, 100, 3);
  }

  @Test
  void the_temperature_drifts_only_within_the_lead_before_a_failure() {
    Precursors precursors = new Precursors(ONE_FAILURE, 2, 1, settings(1));

    assertThat(precursors.tempDriftC(0, 8_999)).isZero();
    assertThat(precursors.tempDriftC(0, 9_000)).isZero();
    assertThat(precursors.tempDriftC(0, 9_500)).isCloseTo(1.5, within(1e-9));
    assertThat(precursors.tempDriftC(0, 9_999)).isCloseTo(2.997, within(1e-9));
    assertThat(precursors.tempDriftC(0, 10_000)).isZero();
    assertThat(precursors.tempDriftC(0, 12_000)).isZero();
    assertThat(precursors.tempDriftC(1, 9_500)).isZero();
  }

  @Test
  void the_error_counter_is_whole_and_never_falls() {
    Precursors precursors = new Precursors(ONE_FAILURE, 1, 1, settings(1));
    double last = 0;

    for (double t = 0; t < 20_000; t += 7) {
      double count = precursors.correctableErrors(0, t);
      assertThat(count).isGreaterThanOrEqualTo(last).isEqualTo(Math.rint(count));
      last = count;
    }
  }

  @Test
  void a_warned_failure_adds_the_integral_of_the_rising_rate_and_nothing_before_its_window() {
    Precursors warned = new Precursors(ONE_FAILURE, 1, 1, settings(1));
    Precursors silent = new Precursors(ONE_FAILURE, 1, 1, settings(0));
    // 0.001/s * 1,000 s * ((100 - 1) / ln 100 - 1) = 20.497 extra errors over the window
    double extra = 0.001 * 1_000 * (99 / Math.log(100) - 1);

    assertThat(warned.correctableErrors(0, 9_000)).isEqualTo(silent.correctableErrors(0, 9_000));
    assertThat(warned.correctableErrors(0, 10_000) - silent.correctableErrors(0, 10_000))
        .isCloseTo(extra, within(1.0));
    assertThat(warned.correctableErrors(0, 15_000) - silent.correctableErrors(0, 15_000))
        .isCloseTo(extra, within(1.0));
    assertThat(silent.tempDriftC(0, 9_500)).isZero();
  }

  @Test
  void about_the_set_share_of_failures_shows_signals() {
    FailureModel model = FailureModel.LANL_SYSTEM_18;
    List<PlannedFailure> plan = FailurePlan.draw(10_000, 365 * 86_400.0, 3, model, 1);
    Precursors precursors =
        new Precursors(plan, 10_000, 3, PrecursorSettings.defaults(model));
    long shown = plan.stream().filter(precursors::showsPrecursors).count();

    assertThat((double) shown / plan.size()).isCloseTo(model.hardwareShare(), within(0.02));
    assertThat(shown).isLessThan(plan.size());
  }

  @Test
  void refuses_a_share_given_as_a_percentage() {
    assertThatThrownBy(() -> settings(74.5)).hasMessageContaining("share must be a ratio 0-1");
  }
}
