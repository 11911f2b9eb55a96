package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttEndpoint;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {
  private static final MqttEndpoint BROKER = MqttEndpoint.anonymous(
      URI.create("tcp://127.0.0.1:1883"));

  private final SessionSettings clean = SessionSettings.clean(BROKER, "kelvin-controller");

  @Test
  void a_clean_session_has_no_expiry_and_the_documented_defaults() {
    assertThat(clean.cleanSession()).isTrue();
    assertThat(clean.sessionExpiry()).isZero();
    assertThat(clean.will()).isEmpty();
    assertThat(clean.reconnect()).isEqualTo(ReconnectPacing.defaults());
    assertThat(clean.keepAlive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(clean.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void a_persistent_session_keeps_its_expiry_and_is_not_clean() {
    SessionSettings persistent = SessionSettings.persistent(BROKER, "kelvin-agent-n07",
        Duration.ofHours(1));

    assertThat(persistent.cleanSession()).isFalse();
    assertThat(persistent.sessionExpiry()).isEqualTo(Duration.ofHours(1));
    assertThat(persistent.clientId()).isEqualTo("kelvin-agent-n07");
  }

  @Test
  void with_will_sets_a_retained_will_and_keeps_the_rest() {
    SessionSettings withWill = clean.withWill("kelvin/site1/node/n07/status", "offline");

    assertThat(withWill.will()).contains(
        new SessionSettings.Will("kelvin/site1/node/n07/status", "offline", true));
    assertThat(withWill.withWill("t", "p")).isEqualTo(clean.withWill("t", "p"));
    assertThat(withWill.withSessionExpiry(Duration.ZERO).withWill("t", "p").will())
        .as("the will survives other changes and a second will replaces the first")
        .contains(new SessionSettings.Will("t", "p", true));
    assertThat(clean.will()).as("the original is unchanged").isEmpty();
  }

  @Test
  void keep_alive_must_be_whole_seconds_saying_that_mqtt_counts_in_seconds() {
    assertThatThrownBy(() -> clean.withKeepAlive(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("keepAlive must be whole seconds from 1 s to 65535 s")
        .hasMessageContaining("PT1.5S").hasMessageContaining("MQTT counts it in seconds");
  }

  @Test
  void keep_alive_must_be_within_one_second_and_the_wire_fields_limit() {
    assertThatThrownBy(() -> clean.withKeepAlive(Duration.ZERO))
        .hasMessageStartingWith("keepAlive must be");
    assertThatThrownBy(() -> clean.withKeepAlive(Duration.ofSeconds(65_536)))
        .hasMessageStartingWith("keepAlive must be");
    assertThat(clean.withKeepAlive(Duration.ofSeconds(65_535)).keepAlive())
        .isEqualTo(Duration.ofSeconds(65_535));
    assertThat(clean.withKeepAlive(Duration.ofSeconds(1)).keepAlive())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void connect_timeout_must_be_whole_seconds_from_one_to_three_hundred() {
    assertThatThrownBy(() -> clean.withConnectTimeout(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("connectTimeout must be whole seconds from 1 s to 300 s")
        .hasMessageContaining("MQTT counts it in seconds");
    assertThatThrownBy(() -> clean.withConnectTimeout(Duration.ofSeconds(301)))
        .hasMessageStartingWith("connectTimeout must be");
    assertThat(clean.withConnectTimeout(Duration.ofSeconds(300)).connectTimeout())
        .isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void refuses_a_blank_client_id() {
    assertThatThrownBy(() -> SessionSettings.clean(BROKER, "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MQTT client id must be 1-256 characters and not blank");
    assertThatThrownBy(() -> SessionSettings.clean(BROKER, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refuses_an_overlong_client_id_and_takes_one_at_the_limit() {
    assertThatThrownBy(() -> SessionSettings.clean(BROKER, "c".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-256 characters");
    assertThat(SessionSettings.clean(BROKER, "c".repeat(256)).clientId()).hasSize(256);
  }

  @Test
  void refuses_a_negative_session_expiry() {
    assertThatThrownBy(() -> clean.withSessionExpiry(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sessionExpiry must be within").hasMessageContaining("PT-1S");
  }

  @Test
  void refuses_a_session_expiry_beyond_the_wire_fields_limit() {
    assertThatThrownBy(() -> clean.withSessionExpiry(Duration.ofSeconds(0x1_0000_0000L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sessionExpiry must be within");
    assertThat(clean.withSessionExpiry(Duration.ofSeconds(0xFFFF_FFFFL)).cleanSession())
        .isFalse();
  }
}
