package dev.kelvin.core.wire;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where an MQTT broker is and how to log in to it. Shared by every module that speaks MQTT so
 * that the composition root configures a broker once. {@link #toString()} never shows the
 * password.
 */
public record MqttEndpoint(URI broker, Optional<String> username, Optional<String> password) {
  private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

  public MqttEndpoint {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (broker.getScheme() == null || !SCHEMES.contains(broker.getScheme())
        || broker.getHost() == null || broker.getPort() <= 0) {
      throw new IllegalArgumentException("MQTT broker '" + broker + "' must look like"
          + " tcp://host:port (or ssl://, ws://, wss://) with an explicit port, e.g."
          + " tcp://127.0.0.1:1883");
    }
    if (password.isPresent() && username.isEmpty()) {
      throw new IllegalArgumentException("an MQTT password was given without a username");
    }
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
