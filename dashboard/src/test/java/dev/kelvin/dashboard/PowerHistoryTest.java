package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PowerHistoryTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private final PowerHistory history = new PowerHistory();

  /** Records one point every {@code step} for {@code span}, with watts counting up. */
  private void recordEvery(Duration step, Duration span) {
    long steps = span.toMillis() / step.toMillis();
    for (long i = 0; i <= steps; i++) {
      history.record(START.plus(step.multipliedBy(i)), i);
    }
  }

  @Test
  void points_come_oldest_first_one_per_push() {
    history.record(START, 300);
    history.record(START.plusSeconds(1), 600);
    history.record(START.plusSeconds(2), 450);

    assertThat(history.points()).containsExactly(
        new PowerPoint(START, 300),
        new PowerPoint(START.plusSeconds(1), 600),
        new PowerPoint(START.plusSeconds(2), 450));
  }

  @Test
  void points_within_a_range_include_both_ends() {
    recordEvery(Duration.ofSeconds(1), Duration.ofSeconds(5));

    assertThat(history.points(START.plusSeconds(1), START.plusSeconds(3)))
        .extracting(PowerPoint::totalPowerWatts).containsExactly(1.0, 2.0, 3.0);
    assertThat(history.points(START.plusSeconds(6), START.plusSeconds(9))).isEmpty();
  }

  @Test
  void points_older_than_ten_minutes_are_forgotten() {
    recordEvery(Duration.ofSeconds(1), Duration.ofMinutes(15));

    List<PowerPoint> points = history.points();

    Instant newest = START.plus(Duration.ofMinutes(15));
    assertThat(points).hasSize(601);
    assertThat(points.get(0).at()).isEqualTo(newest.minus(PowerHistory.WINDOW));
    assertThat(points.get(points.size() - 1).at()).isEqualTo(newest);
  }

  @Test
  void pushes_faster_than_once_a_second_keep_one_point_a_second_over_the_whole_window() {
    recordEvery(Duration.ofMillis(50), Duration.ofMinutes(12));

    List<PowerPoint> points = history.points();

    assertThat(points).hasSizeLessThanOrEqualTo(PowerHistory.MAX_POINTS);
    Instant newest = points.get(points.size() - 1).at();
    assertThat(newest).isEqualTo(START.plus(Duration.ofMinutes(12)));
    assertThat(points.get(0).at()).isBefore(newest.minus(Duration.ofSeconds(599)));
    for (int i = 1; i < points.size(); i++) {
      assertThat(Duration.between(points.get(i - 1).at(), points.get(i).at()))
          .isGreaterThanOrEqualTo(PowerHistory.MIN_SPACING);
    }
  }

  @Test
  void a_clock_that_goes_back_starts_the_history_over() {
    history.record(START.plusSeconds(60), 900);
    history.record(START.plusSeconds(61), 950);

    history.record(START, 300);

    assertThat(history.points()).containsExactly(new PowerPoint(START, 300));
  }

  @Test
  void a_history_with_no_push_yet_is_empty() {
    assertThat(history.points()).isEmpty();
  }
}
