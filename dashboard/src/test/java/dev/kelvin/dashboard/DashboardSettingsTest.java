package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

  @Test
  void defaults_listen_on_loopback_port_8080_and_push_every_second() {
    DashboardSettings settings = DashboardSettings.defaults();

    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.pushInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refuses_a_port_outside_the_tcp_range_naming_the_value() {
    assertThatThrownBy(() -> DashboardSettings.defaults().withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("port must be within 0..65535, was 70000");
  }

  @Test
  void refuses_a_push_interval_too_short_to_be_meant() {
    assertThatThrownBy(() -> DashboardSettings.defaults().withPushInterval(Duration.ofNanos(1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pushInterval must be at least 10 ms");
  }

  @Test
  void refuses_a_blank_host() {
    assertThatThrownBy(() -> new DashboardSettings(" ", 8080, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host must not be blank");
  }
}
