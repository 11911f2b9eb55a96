package dev.kelvin.actuators;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** The real Mosquitto the integration tests run against, from the environment. */
final class ItBroker {
  private ItBroker() {}

  static URI url() {
    return URI.create(require("KELVIN_IT_MQTT_URL"));
  }

  static MqttEndpoint endpoint() {
    return MqttEndpoint.withLogin(url(), require("KELVIN_IT_MQTT_USERNAME"),
        require("KELVIN_IT_MQTT_PASSWORD"));
  }

  /** A topic prefix no other test uses, so tests never see each other's messages. */
  static Topics uniqueTopics() {
    return new Topics("it-" + unique() + "/kelvin/v1");
  }

  static String uniqueClientId(String role) {
    return "it-act-" + role + "-" + unique();
  }

  private static String unique() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
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
