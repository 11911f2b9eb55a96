package dev.kelvin.core.wire;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS settings of an MQTT endpoint: the certificate authority to trust (a PEM file with one
 * or more certificates) and, for a broker that asks clients for a certificate, the client's
 * certificate (PEM, its chain may follow) and its private key (unencrypted PKCS#8 PEM, {@code
 * BEGIN PRIVATE KEY}). Client certificate and key come both or neither.
 *
 * <p>Only the shape is checked here; the module that opens connections reads the files and
 * names the file in any error.
 */
public record MqttTls(Path caFile, Optional<Path> clientCertFile, Optional<Path> clientKeyFile) {

  public MqttTls {
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(clientCertFile, "clientCertFile");
    Objects.requireNonNull(clientKeyFile, "clientKeyFile");
    if (clientCertFile.isPresent() != clientKeyFile.isPresent()) {
      throw new IllegalArgumentException("MQTT TLS: a client certificate needs its private key"
          + " and a key needs its certificate, but clientCertFile is "
          + clientCertFile.map(Path::toString).orElse("missing") + " and clientKeyFile is "
          + clientKeyFile.map(Path::toString).orElse("missing")
          + " (give both files, or neither when the broker does not ask for a certificate)");
    }
  }

  /** Trusts the CA in {@code caFile}; the client shows no certificate (it logs in otherwise). */
  public static MqttTls trusting(Path caFile) {
    return new MqttTls(caFile, Optional.empty(), Optional.empty());
  }

  /** Trusts the CA in {@code caFile} and shows the client certificate with its key. */
  public static MqttTls withClientCertificate(Path caFile, Path clientCertFile,
      Path clientKeyFile) {
    return new MqttTls(caFile, Optional.of(clientCertFile), Optional.of(clientKeyFile));
  }

  public boolean hasClientCertificate() {
    return clientCertFile.isPresent();
  }
}
