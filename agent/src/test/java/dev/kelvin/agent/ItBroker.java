package dev.kelvin.agent;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.util.UUID;

/** The real Mosquitto the integration tests run against, from the environment test.sh sets. */
final class ItBroker {
  private ItBroker() {}

  /** The broker and login; fails (never skips) when the environment is missing. */
  static MqttEndpoint endpoint() {
    return MqttEndpoint.withLogin(URI.create(require("KELVIN_IT_MQTT_URL")),
        require("KELVIN_IT_MQTT_USERNAME"), require("KELVIN_IT_MQTT_PASSWORD"));
  }

  /** The same login at another address, such as a proxy in front of the broker. */
  static MqttEndpoint endpointAt(URI broker) {
    MqttEndpoint real = endpoint();
    return new MqttEndpoint(broker, real.username(), real.password());
  }

  /** A topic prefix no other test uses, so tests never see each other's messages. */
  static Topics uniqueTopics() {
    return new Topics("it-" + UUID.randomUUID().toString().substring(0, 8) + "/kelvin/v1");
  }

  /** A node name no other test uses, so client ids never collide. */
  static String uniqueNodeName() {
    return "n-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run the tests through ./test.sh,"
          + " which starts Mosquitto (or eval \"$(scripts/services.sh env)\" first)");
    }
    return value;
  }
}
