package dev.kelvin.mqtt.tls;

import static dev.kelvin.core.testkit.TestServices.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttTls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain Paho client with {@link TlsContexts}' socket factory on the test Mosquitto's TLS
 * listener ({@code KELVIN_IT_MQTT_TLS_URL}, certificates from {@code scripts/services.sh}).
 */
class TlsConnectIT {
  @TempDir
  Path dir;

  private final List<String> received = new CopyOnWriteArrayList<>();

  @Test
  void publishes_and_receives_over_tls_trusting_the_test_ca() throws Exception {
    roundTrip(MqttTls.trusting(Path.of(required("KELVIN_IT_MQTT_CA_FILE"))));
  }

  @Test
  void publishes_and_receives_over_tls_showing_the_client_certificate() throws Exception {
    roundTrip(MqttTls.withClientCertificate(Path.of(required("KELVIN_IT_MQTT_CA_FILE")),
        Path.of(required("KELVIN_IT_MQTT_CLIENT_CERT_FILE")),
        Path.of(required("KELVIN_IT_MQTT_CLIENT_KEY_FILE"))));
  }

  @Test
  void a_ca_that_did_not_sign_the_broker_certificate_fails_the_connect() {
    Path otherCa = new Openssl(dir).ca("not-the-test-ca");
    MqttConnectionOptions options = options(MqttTls.trusting(otherCa));

    // Paho 1.2.5 wraps the handshake failure as "Untranslated MqttException - RC: 0".
    assertThatThrownBy(() -> connect(options))
        .isInstanceOfSatisfying(MqttException.class, e -> assertThat(e.getReasonCode())
            .isEqualTo(MqttException.REASON_CODE_CLIENT_EXCEPTION))
        .cause().isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("unable to find valid certification path");
  }

  private void roundTrip(MqttTls tls) throws Exception {
    String topic = TestServices.unique("it-tls") + "/hello";
    MqttClient client = connect(options(tls));
    try {
      client.subscribe(topic, 1);
      client.publish(topic, new MqttMessage("over tls".getBytes(StandardCharsets.UTF_8), 1,
          false, null));

      await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(topic + " over tls"));
    } finally {
      client.disconnectForcibly(1_000, 5_000, true); // bounded, unlike disconnect()
      client.close();
    }
  }

  private MqttConnectionOptions options(MqttTls tls) {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(required("KELVIN_IT_MQTT_USERNAME"));
    options.setPassword(required("KELVIN_IT_MQTT_PASSWORD").getBytes(StandardCharsets.UTF_8));
    options.setCleanStart(true);
    options.setConnectionTimeout(10);
    options.setSocketFactory(TlsContexts.socketFactory(tls));
    return options;
  }

  private MqttClient connect(MqttConnectionOptions options) throws MqttException {
    MqttClient client = new MqttClient(required("KELVIN_IT_MQTT_TLS_URL"),
        TestServices.unique("it-tls"), new MemoryPersistence());
    client.setTimeToWait(10_000);
    client.setCallback(new Recorder());
    try {
      client.connect(options);
      return client;
    } catch (MqttException e) {
      client.close();
      throw e;
    }
  }

  /** Records "topic payload" for every message (Paho 1.2.5's per-subscription listeners loop). */
  private final class Recorder implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
