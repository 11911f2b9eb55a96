package dev.kelvin.core.testkit;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import java.net.URI;
import java.util.UUID;

/**
 * The real services integration tests run against, as {@code scripts/services.sh env} exports
 * them (and {@code ./test.sh} sets them). A missing setting fails the test with a message that
 * says how to run it; it never skips.
 */
public final class TestServices {
  private TestServices() {}

  /** The test Mosquitto and its login (anonymous clients are refused there). */
  public static MqttEndpoint mqtt() {
    return MqttEndpoint.withLogin(URI.create(required("KELVIN_IT_MQTT_URL")),
        required("KELVIN_IT_MQTT_USERNAME"), required("KELVIN_IT_MQTT_PASSWORD"));
  }

  /** The same login at another address, such as a proxy in front of the broker. */
  public static MqttEndpoint mqttAt(URI broker) {
    MqttEndpoint real = mqtt();
    return new MqttEndpoint(broker, real.username(), real.password());
  }

  /**
   * A login of Kelvin's access model on the test Mosquitto (docs/security.md), whose ACL
   * scripts/services.sh writes: {@code controller}, {@code agent-n01}, {@code agent-n02} (the
   * agents of site-a's n01 and n02) or {@code watch}, under {@link #modelTopics()}.
   */
  public static MqttEndpoint modelLogin(String who) {
    return MqttEndpoint.withLogin(URI.create(required("KELVIN_IT_MQTT_URL")),
        modelUsername(who), required("KELVIN_IT_MQTT_MODEL_PASSWORD"));
  }

  /** The username of {@link #modelLogin}'s {@code who}. */
  public static String modelUsername(String who) {
    return required("KELVIN_IT_MQTT_MODEL_USER_PREFIX") + "-" + who;
  }

  /** The topic prefix the access model's ACL on the test Mosquitto names. */
  public static Topics modelTopics() {
    return new Topics(required("KELVIN_IT_MQTT_MODEL_PREFIX"));
  }

  /** A topic prefix no other test uses, such as {@code it-3f9a1c2b/kelvin/v1}. */
  public static Topics uniqueTopics() {
    return new Topics(unique("it") + "/kelvin/v1");
  }

  /** {@code prefix} and 8 random hex digits: client ids and names no other test uses. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The value of an environment variable the test services set. */
  public static String required(String variable) {
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(variable + " is not set: run the tests through ./test.sh,"
          + " which installs and starts the services (or eval \"$(scripts/services.sh env)\""
          + " after scripts/services.sh start)");
    }
    return value;
  }
}
