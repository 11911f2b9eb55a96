package dev.kelvin.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistorySourceTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void rounds_from_down_to_a_whole_step_since_the_epoch() {
    Instant start = HistorySource.checkRange(T0.plusMillis(12_345), T0.plusSeconds(60),
        Duration.ofSeconds(10));

    assertThat(start).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void accepts_exactly_the_most_points_and_refuses_one_more() {
    Instant to = T0.plusSeconds(HistorySource.MAX_POINTS);

    assertThat(HistorySource.checkRange(T0, to, Duration.ofSeconds(1))).isEqualTo(T0);
    assertThatThrownBy(() -> HistorySource.checkRange(T0, to.plusMillis(1),
        Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("10001 points").hasMessageContaining("longer step");
  }

  @Test
  void refuses_a_step_below_a_second_naming_the_unit() {
    assertThatThrownBy(() -> HistorySource.checkRange(T0, T0.plusSeconds(1),
        Duration.ofMillis(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("step must be at least 1000 ms");
  }

  @Test
  void refuses_a_step_with_a_fraction_of_a_millisecond() {
    assertThatThrownBy(() -> HistorySource.checkRange(T0, T0.plusSeconds(10),
        Duration.ofSeconds(1).plusNanos(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole milliseconds");
  }

  @Test
  void refuses_a_range_that_ends_before_it_starts() {
    assertThatThrownBy(() -> HistorySource.checkRange(T0, T0.minusSeconds(1),
        Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swapped");
  }

  @Test
  void an_unavailable_backend_names_itself_and_the_cause() {
    HistorySource.Unavailable failure = new HistorySource.Unavailable("InfluxDB at h:1",
        "no answer", null);

    assertThat(failure.backend()).isEqualTo("InfluxDB at h:1");
    assertThat(failure).hasMessage("InfluxDB at h:1: no answer");
  }
}
