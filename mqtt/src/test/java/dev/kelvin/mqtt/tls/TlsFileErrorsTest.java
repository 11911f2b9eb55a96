package dev.kelvin.mqtt.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.wire.MqttTls;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem with a TLS file is one {@link TlsSetupException} naming that file. */
class TlsFileErrorsTest {
  @TempDir
  Path dir;

  private Openssl openssl;
  private Path ca;
  private Path cert;
  private Path key;

  @BeforeEach
  void make_a_ca_and_a_client_certificate() {
    openssl = new Openssl(dir);
    ca = openssl.ca("ca");
    cert = openssl.clientCertificate("client", "ca", "RSA");
    key = openssl.path("client.key");
  }

  @Test
  void a_pkcs1_rsa_key_is_refused_with_the_command_that_converts_it() {
    Path pkcs1 = openssl.pkcs1("client");

    failure(MqttTls.withClientCertificate(ca, cert, pkcs1), pkcs1)
        .hasMessageContaining("a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY)")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + pkcs1 + " -out "
            + dir.resolve("client-pkcs1-pkcs8.pem"));
  }

  @Test
  void an_encrypted_key_is_refused_with_the_command_that_converts_it() {
    Path encrypted = openssl.encrypted("client");

    failure(MqttTls.withClientCertificate(ca, cert, encrypted), encrypted)
        .hasMessageContaining("an encrypted PKCS#8 key")
        .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt -in " + encrypted)
        .hasMessageContaining("asks for the passphrase");
  }

  @Test
  void a_ca_file_that_is_not_pem_is_refused_naming_it() throws Exception {
    Path garbage = Files.write(dir.resolve("ca.der"), new byte[] {0x30, (byte) 0x82, 0, 1, 2});

    failure(MqttTls.trusting(garbage), garbage)
        .hasMessageContaining("MQTT TLS CA file " + garbage + " is not a PEM file");
  }

  @Test
  void a_missing_ca_file_is_refused_naming_it() {
    Path missing = dir.resolve("no-such-ca.pem");

    failure(MqttTls.trusting(missing), missing)
        .hasMessageContaining("MQTT TLS CA file " + missing + " does not exist");
  }

  @Test
  void a_missing_client_key_is_refused_naming_it() {
    Path missing = dir.resolve("no-such.key");

    failure(MqttTls.withClientCertificate(ca, cert, missing), missing)
        .hasMessageContaining("MQTT TLS client key " + missing + " does not exist");
  }

  @Test
  void a_key_of_another_certificate_is_refused_naming_both_files() {
    Path otherKey = openssl.key("other", "RSA");

    failure(MqttTls.withClientCertificate(ca, cert, otherKey), otherKey)
        .hasMessageContaining("MQTT TLS client key " + otherKey + " (RSA) does not belong to"
            + " the client certificate " + cert + " (CN=client, RSA key)");
  }

  @Test
  void an_ec_key_for_an_rsa_certificate_is_refused_as_not_belonging_to_it() {
    Path ecKey = openssl.key("other-ec", "EC");

    failure(MqttTls.withClientCertificate(ca, cert, ecKey), ecKey)
        .hasMessageContaining("(EC) does not belong to the client certificate " + cert);
  }

  @Test
  void swapped_certificate_and_key_files_are_refused_naming_what_was_found() {
    failure(MqttTls.withClientCertificate(ca, key, cert), key)
        .hasMessageContaining("MQTT TLS client certificate " + key
            + " holds no certificate, only PRIVATE KEY");
  }

  @Test
  void a_certificate_cut_short_is_refused_naming_the_line_it_starts_on() throws Exception {
    String text = Files.readString(ca);
    Path cut = openssl.file("cut.pem", "subject=CN = ca\n" + text.substring(0, text.length() / 2));

    failure(MqttTls.trusting(cut), cut)
        .hasMessageContaining("the PEM block 'CERTIFICATE' that starts on line 2 has no"
            + " '-----END CERTIFICATE-----' line");
  }

  @Test
  void a_folder_instead_of_a_ca_file_is_refused_naming_it() {
    failure(MqttTls.trusting(dir), dir).hasMessageContaining(dir + " is a folder");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> failure(MqttTls tls,
      Path file) {
    return assertThatThrownBy(() -> TlsContexts.sslContext(tls))
        .isInstanceOfSatisfying(TlsSetupException.class,
            e -> assertThat(e.file()).isEqualTo(file));
  }
}
