package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MqttTlsTest {
  private static final Path CA = Path.of("/etc/kelvin/ca.pem");
  private static final Path CERT = Path.of("/etc/kelvin/client.pem");
  private static final Path KEY = Path.of("/etc/kelvin/client.key");

  @Test
  void trusting_a_ca_alone_shows_no_client_certificate() {
    MqttTls tls = MqttTls.trusting(CA);

    assertThat(tls.caFile()).isEqualTo(CA);
    assertThat(tls.hasClientCertificate()).isFalse();
    assertThat(tls.clientCertFile()).isEmpty();
    assertThat(tls.clientKeyFile()).isEmpty();
  }

  @Test
  void a_client_certificate_comes_with_its_key() {
    MqttTls tls = MqttTls.withClientCertificate(CA, CERT, KEY);

    assertThat(tls.hasClientCertificate()).isTrue();
    assertThat(tls.clientCertFile()).contains(CERT);
    assertThat(tls.clientKeyFile()).contains(KEY);
  }

  @Test
  void a_certificate_without_its_key_is_refused_naming_the_certificate() {
    assertThatThrownBy(() -> new MqttTls(CA, Optional.of(CERT), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientCertFile is /etc/kelvin/client.pem")
        .hasMessageContaining("clientKeyFile is missing")
        .hasMessageContaining("both files, or neither");
  }

  @Test
  void a_key_without_its_certificate_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new MqttTls(CA, Optional.empty(), Optional.of(KEY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("clientCertFile is missing")
        .hasMessageContaining("clientKeyFile is /etc/kelvin/client.key");
  }

  @Test
  void a_missing_ca_file_is_a_null_pointer_naming_the_field() {
    assertThatThrownBy(() -> MqttTls.trusting(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("caFile");
  }
}
