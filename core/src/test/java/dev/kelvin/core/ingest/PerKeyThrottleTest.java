package dev.kelvin.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PerKeyThrottleTest {
  private final MutableClock clock = new MutableClock();
  private final PerKeyThrottle throttle = new PerKeyThrottle(Duration.ofMinutes(1), clock, 3);

  @Test
  void allows_once_per_key_per_period() {
    assertThat(throttle.allow("n01")).isTrue();
    assertThat(throttle.allow("n01")).isFalse();
    assertThat(throttle.allow("n02")).isTrue();
    clock.advance(Duration.ofSeconds(59));
    assertThat(throttle.allow("n01")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.allow("n01")).isTrue();
  }

  @Test
  void a_flood_of_distinct_keys_is_bounded_and_recovers_after_the_period() {
    assertThat(throttle.allow("a")).isTrue();
    assertThat(throttle.allow("b")).isTrue();
    assertThat(throttle.allow("c")).isTrue();
    assertThat(throttle.allow("d")).as("table full").isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.allow("d")).isTrue();
  }
}
