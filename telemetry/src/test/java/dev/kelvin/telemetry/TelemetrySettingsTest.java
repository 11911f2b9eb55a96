package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {
  private static final MqttEndpoint BROKER = MqttEndpoint.anonymous(
      URI.create("tcp://127.0.0.1:1883"));

  @Test
  void defaults_use_a_persistent_session_under_a_login_derived_client_id_and_the_documented_limits() {
    TelemetrySettings settings = TelemetrySettings.defaults(BROKER);

    assertThat(settings.session().endpoint()).isEqualTo(BROKER);
    assertThat(settings.session().cleanSession()).isFalse();
    assertThat(settings.session().sessionExpiry()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.session().clientId()).isEqualTo("kelvin:ingest");
    assertThat(TelemetrySettings.defaults(MqttEndpoint.withLogin(BROKER.broker(),
        "kelvin-controller", "secret-password")).session().clientId())
        .isEqualTo("kelvin-controller:ingest");
    assertThat(settings.topics()).isEqualTo(Topics.defaults());
    assertThat(settings.maxPayloadBytes()).isEqualTo(64 * 1024);
    assertThat(settings.rejectLogPeriod()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void a_restarted_controller_keeps_its_client_id_so_its_persistent_session_is_found_again() {
    assertThat(TelemetrySettings.defaults(BROKER).session().clientId())
        .isEqualTo(TelemetrySettings.defaults(BROKER).session().clientId());
  }

  @Test
  void subscribes_to_kelvin_topics_and_the_other_formats_each_shared_when_a_group_is_set() {
    TelemetrySettings settings = TelemetrySettings.defaults(BROKER)
        .withFormats(new IngestFormats(Optional.of(SparkplugSettings.defaults()), Optional.empty()));
    assertThat(settings.subscriptions()).containsExactly("kelvin/v1/+/node/+/telemetry",
        "kelvin/v1/+/telemetry", "kelvin/v1/+/facility/+", "spBv1.0/#");
    assertThat(settings.withSharedGroup(Optional.of("ingest")).subscriptions())
        .hasSize(4).allSatisfy(filter -> assertThat(filter).startsWith("$share/ingest/"))
        .contains("$share/ingest/spBv1.0/#");
  }

  @Test
  void refuses_a_shared_group_that_is_no_topic_level() {
    TelemetrySettings settings = TelemetrySettings.defaults(BROKER);
    assertThatThrownBy(() -> settings.withSharedGroup(Optional.of("a/b")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a/b'");
  }

  @Test
  void refuses_a_payload_limit_below_one_byte() {
    TelemetrySettings good = TelemetrySettings.defaults(BROKER);
    assertThatThrownBy(() -> new TelemetrySettings(good.session(), good.topics(), 0,
        good.rejectLogPeriod())).hasMessageContaining("maxPayloadBytes must be >= 1 byte, was 0");
  }
}
