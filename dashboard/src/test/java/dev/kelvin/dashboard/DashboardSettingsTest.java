package dev.kelvin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
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
  void defaults_add_no_host_names_and_give_a_request_10_s_and_a_silent_connection_30_s() {
    DashboardSettings settings = DashboardSettings.defaults();

    assertThat(settings.allowedHosts()).isEmpty();
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refuses_a_request_timeout_too_short_to_be_meant_naming_the_unit() {
    assertThatThrownBy(() -> DashboardSettings.defaults().withTimeouts(Duration.ofMillis(10),
        Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout must be at least 100 ms, was 10 ms");
  }

  @Test
  void refuses_an_idle_timeout_too_short_to_be_meant_naming_the_unit() {
    assertThatThrownBy(() -> DashboardSettings.defaults().withTimeouts(Duration.ofSeconds(10),
        Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idleTimeout must be at least 100 ms, was 0 ms");
  }

  @Test
  void keeps_its_allowed_hosts_as_given_and_unmodifiable() {
    DashboardSettings settings = DashboardSettings.defaults()
        .withAllowedHosts(List.of("kelvin.example.org", "10.0.0.5:8080"));

    assertThat(settings.allowedHosts()).containsExactly("kelvin.example.org", "10.0.0.5:8080");
    assertThatThrownBy(() -> settings.allowedHosts().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
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
