package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.wire.MqttEndpoint;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paho's codes and causes, in words a person can act on. */
class MqttFailuresTest {
  private static final MqttEndpoint BROKER = MqttEndpoint.withLogin(
      URI.create("tcp://mqtt.example:1883"), "kelvin", "secret");

  @ParameterizedTest
  @ValueSource(ints = {0x86, 0x87, 0x8C})
  void a_refused_login_says_not_authorised_and_names_the_broker_but_not_the_password(int code) {
    TelemetryException translated = MqttFailures.cannotConnect(BROKER, new MqttException(code));

    assertThat(translated).hasMessageContaining("tcp://mqtt.example:1883 as kelvin")
        .hasMessageContaining("not authorised: check the username/password")
        .hasMessageNotContaining("secret");
  }

  @Test
  void a_refused_connection_asks_whether_the_broker_runs() {
    MqttException refused = new MqttException(
        MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
        new ConnectException("Connection refused"));

    assertThat(MqttFailures.cannotConnect(BROKER, refused))
        .hasMessageContaining("is the broker running?")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void an_unknown_host_and_a_timeout_get_their_own_causes() {
    assertThat(MqttFailures.likelyCause(new MqttException(0,
        new UnknownHostException("mqtt.example")))).contains("unknown host");
    assertThat(MqttFailures.likelyCause(new MqttException(
        MqttClientException.REASON_CODE_CLIENT_TIMEOUT))).contains("no answer in time");
  }
}
