package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconnectScheduleTest {
  private final ReconnectSchedule schedule =
      new ReconnectSchedule(Duration.ofSeconds(1), Duration.ofSeconds(5));
  private final Instant start = MutableClock.START;

  @Test
  void doubles_the_wait_after_each_failure_up_to_the_maximum() {
    assertThat(schedule.failed(start)).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule.failed(start)).isEqualTo(Duration.ofSeconds(2));
    assertThat(schedule.failed(start)).isEqualTo(Duration.ofSeconds(4));
    assertThat(schedule.failed(start)).isEqualTo(Duration.ofSeconds(5));
    assertThat(schedule.failed(start)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void an_attempt_is_due_only_once_its_wait_has_passed_and_only_once() {
    schedule.failed(start);

    assertThat(schedule.startIfDue(start.plusMillis(999))).isFalse();
    assertThat(schedule.startIfDue(start.plusSeconds(1))).isTrue();
    assertThat(schedule.startIfDue(start.plusSeconds(2))).as("attempt under way").isFalse();
  }

  @Test
  void a_lost_connection_is_retried_at_once_with_the_wait_reset() {
    schedule.failed(start);
    schedule.failed(start);
    schedule.succeeded();
    assertThat(schedule.startIfDue(start.plusSeconds(60))).as("connected").isFalse();

    schedule.lost(start);

    assertThat(schedule.startIfDue(start)).isTrue();
    assertThat(schedule.failed(start)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refuses_a_first_wait_longer_than_the_maximum() {
    assertThatThrownBy(() -> new ReconnectSchedule(Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
