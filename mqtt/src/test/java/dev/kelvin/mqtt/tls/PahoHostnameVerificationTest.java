package dev.kelvin.mqtt.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttTls;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paho with {@link TlsContexts}' socket factory and default options checks the broker's host
 * name, and shows the client certificate: against a TLS server on loopback, no broker needed.
 */
class PahoHostnameVerificationTest {
  @TempDir
  Path dir;

  @Test
  void paho_refuses_a_broker_whose_certificate_names_another_host() throws Exception {
    Openssl openssl = new Openssl(dir);
    Path ca = openssl.ca("ca");
    openssl.key("elsewhere", "RSA");
    openssl.certificate("elsewhere", "ca", "/CN=elsewhere.example",
        "subjectAltName=DNS:elsewhere.example");

    try (TlsLoopback server = new TlsLoopback(TlsContexts.sslContext(
        MqttTls.withClientCertificate(ca, dir.resolve("elsewhere.pem"),
            dir.resolve("elsewhere.key"))))) {
      assertThatThrownBy(() -> connect(server.port(), MqttTls.trusting(ca)))
          .isInstanceOf(MqttException.class)
          .cause().isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
    }
  }

  @Test
  void paho_shows_the_client_certificate_in_the_handshake() throws Exception {
    Openssl openssl = new Openssl(dir);
    Path ca = openssl.ca("ca");
    Path server = openssl.serverCertificate("server", "ca");
    Path cert = openssl.clientCertificate("kelvin-agent", "ca", "EC");

    try (TlsLoopback loopback = new TlsLoopback(TlsContexts.sslContext(
        MqttTls.withClientCertificate(ca, server, dir.resolve("server.key"))))) {
      // The loopback server speaks no MQTT, so the connect fails once the handshake is done.
      assertThatThrownBy(() -> connect(loopback.port(),
          MqttTls.withClientCertificate(ca, cert, dir.resolve("kelvin-agent.key"))))
          .isInstanceOf(MqttException.class);

      assertThat(loopback.clientSubject()).isEqualTo("CN=kelvin-agent");
    }
  }

  private static void connect(int port, MqttTls tls) throws MqttException {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setSocketFactory(TlsContexts.socketFactory(tls));
    options.setConnectionTimeout(5);
    MqttClient client = new MqttClient("ssl://127.0.0.1:" + port, "tls-unit",
        new MemoryPersistence());
    try {
      client.connect(options);
    } finally {
      client.close(true);
    }
  }
}
