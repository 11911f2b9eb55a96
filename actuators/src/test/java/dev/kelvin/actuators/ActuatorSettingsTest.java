package dev.kelvin.actuators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActuatorSettingsTest {
  private final MqttEndpoint endpoint = MqttEndpoint.anonymous(URI.create("tcp://127.0.0.1:1883"));

  @Test
  void defaults_wait_five_seconds_on_the_default_topics() {
    ActuatorSettings settings = ActuatorSettings.defaults(endpoint);

    assertThat(settings.ackTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.topics()).isEqualTo(Topics.defaults());
    assertThat(settings.session().cleanSession()).isTrue();
  }

  @Test
  void defaults_give_a_nodes_clock_the_allowance_telemetry_gives_it() {
    assertThat(ActuatorSettings.defaults(endpoint).maxClockSkew())
        .isEqualTo(StateSettings.defaults().maxFutureSkew());
  }

  @Test
  void refuses_a_negative_clock_allowance_naming_the_field() {
    assertThatThrownBy(() -> ActuatorSettings.defaults(endpoint)
        .withMaxClockSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("maxClockSkew must be >= 0, was PT-1S");
  }

  @Test
  void the_client_id_is_derived_from_the_login() {
    MqttEndpoint login = MqttEndpoint.withLogin(URI.create("tcp://127.0.0.1:1883"),
        "kelvin-controller", "secret-password");

    assertThat(ActuatorSettings.defaults(login).session().clientId())
        .isEqualTo("kelvin-controller:commands");
    assertThat(ActuatorSettings.defaults(endpoint).session().clientId())
        .isEqualTo("kelvin:commands");
  }

  @Test
  void refuses_a_zero_ack_timeout_naming_the_field() {
    assertThatThrownBy(() -> ActuatorSettings.defaults(endpoint).withAckTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ackTimeout must be a positive duration, was PT0S");
  }

  @Test
  void refuses_an_ack_timeout_that_looks_like_milliseconds_taken_for_seconds() {
    assertThatThrownBy(() -> ActuatorSettings.defaults(endpoint)
        .withAckTimeout(Duration.ofSeconds(5000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seconds given as milliseconds?");
  }
}
