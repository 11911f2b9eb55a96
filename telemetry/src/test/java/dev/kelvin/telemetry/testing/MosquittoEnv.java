package dev.kelvin.telemetry.testing;

import dev.kelvin.core.wire.MqttEndpoint;
import java.net.URI;
import java.util.UUID;

/**
 * The real Mosquitto that integration tests run against, from the environment that
 * {@code scripts/services.sh env} exports. Missing settings fail the test, never skip it.
 */
public record MosquittoEnv(URI broker, String username, String password) {
  public static MosquittoEnv fromEnvironment() {
    return new MosquittoEnv(URI.create(require("KELVIN_IT_MQTT_URL")),
        require("KELVIN_IT_MQTT_USERNAME"), require("KELVIN_IT_MQTT_PASSWORD"));
  }

  public MqttEndpoint endpoint() {
    return MqttEndpoint.withLogin(broker, username, password);
  }

  /** A prefix no other test uses, such as {@code it-3f9a1c2b/kelvin/v1}. */
  public static String uniquePrefix() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8) + "/kelvin/v1";
  }

  /** A client id no other test uses. */
  public static String uniqueClientId(String role) {
    return "it-" + role + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  public RecordingClient connect(String role) throws Exception {
    return RecordingClient.connect(broker.toString(), uniqueClientId(role), username, password);
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the tests through ./test.sh,"
          + " which starts Mosquitto (or: eval \"$(scripts/services.sh env)\")");
    }
    return value;
  }
}
