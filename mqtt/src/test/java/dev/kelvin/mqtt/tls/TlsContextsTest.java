package dev.kelvin.mqtt.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttTls;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes on loopback with certificates openssl makes for each test. */
class TlsContextsTest {
  @TempDir
  Path dir;

  private Openssl openssl;
  private Path ca;

  @BeforeEach
  void make_a_ca_and_a_server_certificate() {
    openssl = new Openssl(dir);
    ca = openssl.ca("ca");
    openssl.serverCertificate("server", "ca");
  }

  @Test
  void trusts_a_server_the_ca_signed_and_shows_no_client_certificate_when_given_none()
      throws Exception {
    try (TlsLoopback server = new TlsLoopback(serverContext("server"))) {
      server.handshake(TlsContexts.socketFactory(MqttTls.trusting(ca)), "127.0.0.1");

      assertThat(server.clientSubject()).isEqualTo("none");
    }
  }

  @Test
  void shows_the_client_certificate_with_its_rsa_key() throws Exception {
    Path cert = openssl.clientCertificate("kelvin-rsa", "ca", "RSA");
    MqttTls tls = MqttTls.withClientCertificate(ca, cert, openssl.path("kelvin-rsa.key"));

    try (TlsLoopback server = new TlsLoopback(serverContext("server"))) {
      server.handshake(TlsContexts.socketFactory(tls), "localhost");

      assertThat(server.clientSubject()).isEqualTo("CN=kelvin-rsa");
    }
  }

  @Test
  void shows_the_client_certificate_with_its_ec_key() throws Exception {
    Path cert = openssl.clientCertificate("kelvin-ec", "ca", "EC");
    MqttTls tls = MqttTls.withClientCertificate(ca, cert, openssl.path("kelvin-ec.key"));

    try (TlsLoopback server = new TlsLoopback(serverContext("server"))) {
      server.handshake(TlsContexts.socketFactory(tls), "127.0.0.1");

      assertThat(server.clientSubject()).isEqualTo("CN=kelvin-ec");
    }
  }

  @Test
  void takes_a_client_certificate_file_with_its_chain_after_it() throws Exception {
    Path cert = openssl.clientCertificate("kelvin", "ca", "RSA");
    Path chain = openssl.file("chain.pem", Files.readString(cert) + Files.readString(ca));
    MqttTls tls = MqttTls.withClientCertificate(ca, chain, openssl.path("kelvin.key"));

    try (TlsLoopback server = new TlsLoopback(serverContext("server"))) {
      server.handshake(TlsContexts.socketFactory(tls), "127.0.0.1");

      assertThat(server.clientSubject()).isEqualTo("CN=kelvin");
    }
  }

  @Test
  void trusts_every_certificate_of_a_ca_file_that_holds_several() throws Exception {
    Path other = openssl.ca("other-ca");
    Path both = openssl.file("both.pem", Files.readString(other) + Files.readString(ca));

    try (TlsLoopback server = new TlsLoopback(serverContext("server"))) {
      server.handshake(TlsContexts.socketFactory(MqttTls.trusting(both)), "127.0.0.1");

      assertThat(server.clientSubject()).isEqualTo("none");
    }
  }

  @Test
  void refuses_a_server_that_another_ca_signed() throws Exception {
    Path other = openssl.ca("other-ca");

    try (TlsLoopback server = new TlsLoopback(serverContext("server"))) {
      assertThatThrownBy(() -> server.handshake(
          TlsContexts.socketFactory(MqttTls.trusting(other)), "127.0.0.1"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("unable to find valid certification path");
    }
  }

  @Test
  void refuses_a_server_whose_certificate_names_another_host() throws Exception {
    openssl.key("elsewhere", "RSA");
    openssl.certificate("elsewhere", "ca", "/CN=elsewhere.example",
        "subjectAltName=DNS:elsewhere.example");

    try (TlsLoopback server = new TlsLoopback(serverContext("elsewhere"))) {
      assertThatThrownBy(() -> server.handshake(
          TlsContexts.socketFactory(MqttTls.trusting(ca)), "127.0.0.1"))
          .isInstanceOf(SSLHandshakeException.class)
          .hasMessageContaining("No subject alternative names matching IP address 127.0.0.1");
    }
  }

  /** The server side: its certificate and key, trusting the same CA for client certificates. */
  private SSLContext serverContext(String name) {
    return TlsContexts.sslContext(MqttTls.withClientCertificate(ca,
        openssl.path(name + ".pem"), openssl.path(name + ".key")));
  }
}
