package dev.kelvin.core.wire;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where an MQTT broker is, how to log in to it and, for {@code ssl://}, which CA to trust and
 * which client certificate to present. Shared by every module that speaks MQTT so that the
 * composition root configures a broker once. {@link #toString()} never shows the password.
 *
 * @param tls the CA (and client certificate) for a TLS connection; empty trusts the JVM's
 *     default CAs for {@code ssl://}, and is the only choice for {@code tcp://}
 */
public record MqttEndpoint(URI broker, Optional<String> username, Optional<String> password,
    Optional<MqttTls> tls) {
  private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
  private static final Set<String> TLS_SCHEMES = Set.of("ssl", "wss");

  public MqttEndpoint {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
    if (broker.getScheme() == null || !SCHEMES.contains(broker.getScheme())
        || broker.getHost() == null || broker.getPort() <= 0) {
      throw new IllegalArgumentException("MQTT broker '" + broker + "' must look like"
          + " tcp://host:port (or ssl://, ws://, wss://) with an explicit port, e.g."
          + " tcp://127.0.0.1:1883");
    }
    if (password.isPresent() && username.isEmpty()) {
      throw new IllegalArgumentException("an MQTT password was given without a username");
    }
    if (tls.isPresent() && !TLS_SCHEMES.contains(broker.getScheme())) {
      throw new IllegalArgumentException("TLS files were given for MQTT broker '" + broker
          + "', which is not a TLS address: use ssl://host:port (8883 is the usual port)");
    }
  }

  /** An endpoint without TLS files. */
  public MqttEndpoint(URI broker, Optional<String> username, Optional<String> password) {
    this(broker, username, password, Optional.empty());
  }

  /** This endpoint with TLS files. */
  public MqttEndpoint withTls(MqttTls files) {
    return new MqttEndpoint(broker, username, password, Optional.of(files));
  }

  /** Whether the connection is encrypted. */
  public boolean encrypted() {
    return TLS_SCHEMES.contains(broker.getScheme());
  }

  /** A broker that takes anonymous clients (the embedded demo broker on loopback). */
  public static MqttEndpoint anonymous(URI broker) {
    return new MqttEndpoint(broker, Optional.empty(), Optional.empty());
  }

  public static MqttEndpoint withLogin(URI broker, String username, String password) {
    return new MqttEndpoint(broker, Optional.of(username), Optional.of(password));
  }

  @Override
  public String toString() {
    return broker + username.map(user -> " as " + user).orElse(" (anonymous)");
  }
}
