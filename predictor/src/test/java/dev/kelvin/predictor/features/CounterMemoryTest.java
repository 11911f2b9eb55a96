package dev.kelvin.predictor.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kelvin.core.port.HistorySource.MetricPoint;
import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeding a node's counter memory with values read back, before its live ones. */
class CounterMemoryTest {
  private static Instant minute(int m) {
    return MutableClock.START.plusSeconds(60L * m);
  }

  private static List<MetricPoint> past(int from, int to, double perMinute) {
    List<MetricPoint> points = new ArrayList<>();
    for (int m = from; m < to; m++) {
      points.add(new MetricPoint(minute(m), m * perMinute));
    }
    return points;
  }

  @Test
  void a_past_value_at_the_time_of_a_live_one_is_not_taken_so_the_live_value_wins() {
    CounterMemory memory = new CounterMemory();
    memory.record(minute(60), 1_000);
    memory.record(minute(61), 1_001);

    memory.seed(past(0, 62, 10));

    assertThat(memory.delta(minute(61), 1_001, Duration.ofMinutes(1)))
        .as("minute 60 keeps its live value, not the 600 read back").isEqualTo(1);
    assertThat(memory.delta(minute(61), 1_001, Duration.ofMinutes(2)))
        .as("minute 59 comes from the past").isEqualTo(1_001 - 590);
    assertThat(memory.ratePerHour(minute(61), 1_001)).isEqualTo(1_001 / (61 / 60.0));
  }

  @Test
  void a_delta_is_not_stretched_across_a_gap_but_the_long_run_rate_spans_it() {
    CounterMemory memory = new CounterMemory();
    for (int m = 0; m <= 60; m++) {
      memory.record(minute(m), m);
    }
    memory.record(minute(100), 140);

    assertThat(memory.delta(minute(100), 140, Duration.ofMinutes(15)))
        .as("the newest value at least 15 min old is 40 min old: beyond 1.5 x 15 min").isNaN();
    assertThat(memory.delta(minute(100), 140, Duration.ofMinutes(30)))
        .as("40 min is within 1.5 x 30 min").isEqualTo(140 - 60);
    assertThat(memory.ratePerHour(minute(100), 140)).isCloseTo(140 / (100 / 60.0),
        within(1e-9));
  }

  @Test
  void a_past_above_the_first_live_value_was_before_a_reset_and_is_not_taken() {
    CounterMemory memory = new CounterMemory();
    memory.record(minute(60), 3);

    memory.seed(past(0, 60, 10));

    assertThat(memory.delta(minute(60), 3, Duration.ofMinutes(15))).isNaN();
    assertThat(memory.ratePerHour(minute(120), 9)).as("the baseline starts at minute 60")
        .isEqualTo(6);
  }

  @Test
  void seeding_an_empty_memory_counts_as_if_the_past_had_been_recorded_live() {
    CounterMemory seeded = new CounterMemory();
    CounterMemory live = new CounterMemory();
    past(0, 70, 2).forEach(point -> live.record(point.at(), point.value()));

    seeded.seed(past(0, 70, 2));

    for (int span : new int[] {5, 15, 30}) {
      assertThat(seeded.delta(minute(70), 140, Duration.ofMinutes(span)))
          .isEqualTo(live.delta(minute(70), 140, Duration.ofMinutes(span))).isEqualTo(2 * span);
    }
    assertThat(seeded.ratePerHour(minute(70), 140)).isCloseTo(120, within(1e-9))
        .isEqualTo(live.ratePerHour(minute(70), 140));
  }
}
