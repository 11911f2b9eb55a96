package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {
  private static final MqttEndpoint BROKER = MqttEndpoint.anonymous(
      URI.create("tcp://127.0.0.1:1883"));

  @Test
  void defaults_use_the_standard_topics_a_host_named_controller_id_and_the_documented_limits() {
    TelemetrySettings settings = TelemetrySettings.defaults(BROKER);

    assertThat(settings.endpoint()).isEqualTo(BROKER);
    assertThat(settings.topics()).isEqualTo(Topics.defaults());
    assertThat(settings.clientId()).matches("kelvin-controller-[A-Za-z0-9-]{1,40}");
    assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.maxPayloadBytes()).isEqualTo(64 * 1024);
    assertThat(settings.rejectLogPeriod()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a_restarted_controller_keeps_its_client_id_so_its_persistent_session_is_found_again() {
    assertThat(TelemetrySettings.defaults(BROKER).clientId())
        .isEqualTo(TelemetrySettings.defaults(BROKER).clientId());
  }

  @Test
  void refuses_a_keep_alive_that_mqtt_cannot_express_naming_the_unit() {
    assertThatThrownBy(() -> settingsWithKeepAlive(Duration.ofMillis(1500)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keepAlive must be whole seconds")
        .hasMessageContaining("PT1.5S");
    assertThatThrownBy(() -> settingsWithKeepAlive(Duration.ofDays(1)))
        .hasMessageContaining("65535 s");
  }

  @Test
  void refuses_a_payload_limit_below_one_byte_and_a_blank_client_id() {
    TelemetrySettings good = TelemetrySettings.defaults(BROKER);

    assertThatThrownBy(() -> new TelemetrySettings(BROKER, good.topics(), good.clientId(),
        good.keepAlive(), 0, good.rejectLogPeriod()))
        .hasMessageContaining("maxPayloadBytes must be >= 1 byte, was 0");
    assertThatThrownBy(() -> good.withClientId(" "))
        .hasMessageContaining("clientId");
  }

  private static TelemetrySettings settingsWithKeepAlive(Duration keepAlive) {
    TelemetrySettings good = TelemetrySettings.defaults(BROKER);
    return new TelemetrySettings(BROKER, good.topics(), good.clientId(), keepAlive,
        good.maxPayloadBytes(), good.rejectLogPeriod());
  }
}
