package dev.kelvin.telemetry.testing;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import java.net.URI;

/**
 * The real Mosquitto that integration tests run against, from the environment that
 * {@code scripts/services.sh env} exports. Missing settings fail the test, never skip it.
 */
public record MosquittoEnv(URI broker, String username, String password) {
  public static MosquittoEnv fromEnvironment() {
    MqttEndpoint endpoint = TestServices.mqtt();
    return new MosquittoEnv(endpoint.broker(), endpoint.username().orElseThrow(),
        endpoint.password().orElseThrow());
  }

  public MqttEndpoint endpoint() {
    return MqttEndpoint.withLogin(broker, username, password);
  }

  /** A prefix no other test uses, such as {@code it-3f9a1c2b/kelvin/v1}. */
  public static String uniquePrefix() {
    return TestServices.uniqueTopics().prefix();
  }

  /** A client id no other test uses. */
  public static String uniqueClientId(String role) {
    return TestServices.unique("it-" + role);
  }

  public RecordingClient connect(String role) throws Exception {
    return RecordingClient.connect(broker.toString(), uniqueClientId(role), username, password);
  }
}
