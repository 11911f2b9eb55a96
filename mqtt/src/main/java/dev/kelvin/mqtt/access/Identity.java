package dev.kelvin.mqtt.access;

import java.util.Objects;

/** A login the broker knows, and the role that decides its topics. */
public record Identity(String username, Role role) {
  public Identity {
    Objects.requireNonNull(role, "role");
    if (!ClientIds.validUsername(username)) {
      throw new IllegalArgumentException("MQTT username '" + username + "' must be non-empty"
          + " and without '" + ClientIds.SEPARATOR + "' (client ids are <username>:<session>)");
    }
  }
}
