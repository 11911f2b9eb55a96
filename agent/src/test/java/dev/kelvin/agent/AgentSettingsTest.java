package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {
  private final MqttEndpoint endpoint = MqttEndpoint.anonymous(URI.create("tcp://127.0.0.1:1883"));

  @Test
  void defaults_publish_every_second_with_ten_minute_leases_and_an_hour_of_backlog() {
    AgentSettings settings = AgentSettings.defaults(endpoint);

    assertThat(settings.topics()).isEqualTo(Topics.defaults());
    assertThat(settings.publishInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.maxLease()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.maxClockSkew()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.backlogCapacity()).isEqualTo(3600);
  }

  @Test
  void bounds_the_backlog_for_very_fast_publishing() {
    assertThat(AgentSettings.defaults(endpoint).withPublishInterval(Duration.ofMillis(10))
        .backlogCapacity()).isEqualTo(36_000);
  }

  @Test
  void refuses_a_publish_interval_that_looks_like_a_unit_mistake() {
    assertThatThrownBy(() -> AgentSettings.defaults(endpoint)
        .withPublishInterval(Duration.ofNanos(1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("publishInterval").hasMessageContaining("PT0.000001S");
  }

  @Test
  void refuses_a_maximum_lease_that_is_not_positive() {
    assertThatThrownBy(() -> AgentSettings.defaults(endpoint).withMaxLease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLease");
  }

  @Test
  void refuses_a_clock_skew_that_is_not_positive() {
    assertThatThrownBy(() -> AgentSettings.defaults(endpoint).withMaxClockSkew(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxClockSkew")
        .hasMessageContaining("positive");
  }

  @Test
  void refuses_a_clock_skew_longer_than_the_maximum_lease() {
    assertThatThrownBy(() -> AgentSettings.defaults(endpoint)
        .withMaxClockSkew(Duration.ofMinutes(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxClockSkew PT11M is longer than maxLease PT10M");
  }
}
