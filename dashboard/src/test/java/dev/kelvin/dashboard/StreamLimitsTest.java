package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {

  @Test
  void defaults_drop_a_client_well_before_jettys_idle_timeout_would() {
    assertThat(StreamLimits.DEFAULTS.writeTimeout()).isLessThan(Duration.ofSeconds(30));
    assertThat(StreamLimits.DEFAULTS.outboxEvents())
        .isGreaterThanOrEqualTo(EventHub.INITIAL_EVENTS);
  }

  @Test
  void defaults_serve_32_streams_at_once() {
    assertThat(StreamLimits.DEFAULTS.maxStreams()).isEqualTo(32);
  }

  @Test
  void refuses_a_stream_bound_below_one() {
    assertThatThrownBy(() -> new StreamLimits(0, 64, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxStreams must be at least 1, was 0");
  }

  @Test
  void refuses_an_outbox_too_small_for_the_state_sent_on_connect() {
    assertThatThrownBy(() -> new StreamLimits(32, 3, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outboxEvents must be at least 4", "was 3");
  }

  @Test
  void refuses_a_write_timeout_that_is_not_positive() {
    assertThatThrownBy(() -> new StreamLimits(32, 64, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writeTimeout must be positive");
  }
}
