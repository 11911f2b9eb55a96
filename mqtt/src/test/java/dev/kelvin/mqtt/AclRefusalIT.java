package dev.kelvin.mqtt;

import static dev.kelvin.core.testkit.TestServices.required;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the test Mosquitto (Debian 2.0.11, {@code acl_file}) answers a user acting outside its
 * ACL, and how plain Paho MQTT v5 shows it: the facts the session layer translates.
 * {@code kelvin-it-limited} may read and write only under {@code it-limited/#}.
 *
 * <ul>
 *   <li>SUBSCRIBE outside: granted (SUBACK reason code 1, the QoS asked for), because
 *       Mosquitto's ACL file never checks subscriptions; messages there are simply never
 *       delivered. A broker that checks (Mosquitto's dynamic-security plugin) answers 0x87.
 *   <li>QoS 1 PUBLISH outside: PUBACK reason code 0x87 (135, not authorized). Paho completes
 *       the token without an exception and calls {@code deliveryComplete}; only
 *       {@code token.getReasonCodes()} tells. The connection stays up.
 *   <li>QoS 0 PUBLISH outside: dropped without any answer.
 * </ul>
 */
class AclRefusalIT {
  private static final int NOT_AUTHORIZED = 0x87;
  private static final long WAIT_MS = 10_000;

  private final List<Client> clients = new ArrayList<>();
  private final String outside = TestServices.unique("it-acl") + "/outside";
  private final String inside = "it-limited/" + TestServices.unique("it-acl");

  @Test
  void a_subscribe_outside_the_prefix_is_granted_but_nothing_published_there_arrives()
      throws Exception {
    Client limited = connectLimited();
    Client full = connect(required("KELVIN_IT_MQTT_USERNAME"),
        required("KELVIN_IT_MQTT_PASSWORD"));

    IMqttToken outsideSubscription = limited.subscribe(outside);
    IMqttToken insideSubscription = limited.subscribe(inside);
    full.publish(outside, 1);
    full.publish(inside, 1);

    assertThat(outsideSubscription.getException()).isNull();
    assertThat(outsideSubscription.getReasonCodes())
        .as("Mosquitto's acl_file does not check subscriptions: it grants QoS 1")
        .containsExactly(1);
    assertThat(insideSubscription.getReasonCodes()).containsExactly(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> limited.received.contains(inside));
    assertThat(limited.received).as("messages the ACL forbids reading").doesNotContain(outside);
  }

  @Test
  void a_qos1_publish_outside_the_prefix_is_refused_with_0x87_in_the_puback_not_an_exception()
      throws Exception {
    Client full = connect(required("KELVIN_IT_MQTT_USERNAME"),
        required("KELVIN_IT_MQTT_PASSWORD"));
    full.subscribe(outside);
    full.subscribe(inside);
    Client limited = connectLimited();

    IMqttToken refused = limited.publish(outside, 1);
    IMqttToken accepted = limited.publish(inside, 1);

    assertThat(refused.isComplete()).isTrue();
    assertThat(refused.getException()).isNull();
    assertThat(refused.getReasonCodes()).containsExactly(NOT_AUTHORIZED);
    assertThat(accepted.getReasonCodes()).containsExactly(0);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(limited.delivered)
        .as("deliveryComplete is called for the refusal too").contains(NOT_AUTHORIZED, 0));
    await().atMost(Duration.ofSeconds(20)).until(() -> full.received.contains(inside));
    assertThat(full.received).doesNotContain(outside);
    assertThat(limited.paho.isConnected()).isTrue();
  }

  @Test
  void a_qos0_publish_outside_the_prefix_is_dropped_without_an_answer() throws Exception {
    Client full = connect(required("KELVIN_IT_MQTT_USERNAME"),
        required("KELVIN_IT_MQTT_PASSWORD"));
    full.subscribe(outside);
    full.subscribe(inside);
    Client limited = connectLimited();

    IMqttToken dropped = limited.publish(outside, 0);
    limited.publish(inside, 0);

    assertThat(dropped.getException()).isNull();
    assertThat(dropped.getReasonCodes()).isNull();
    await().atMost(Duration.ofSeconds(20)).until(() -> full.received.contains(inside));
    assertThat(full.received).doesNotContain(outside);
  }

  @AfterEach
  void disconnect() throws MqttException {
    for (Client client : clients) {
      client.close();
    }
  }

  private Client connectLimited() throws MqttException {
    return connect(required("KELVIN_IT_MQTT_LIMITED_USERNAME"),
        required("KELVIN_IT_MQTT_LIMITED_PASSWORD"));
  }

  private Client connect(String username, String password) throws MqttException {
    MqttAsyncClient paho = new MqttAsyncClient(required("KELVIN_IT_MQTT_URL"),
        TestServices.unique("it-acl"), new MemoryPersistence());
    Client client = new Client(paho);
    clients.add(client);
    paho.setCallback(client);
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(username);
    options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    options.setCleanStart(true);
    paho.connect(options).waitForCompletion(WAIT_MS);
    return client;
  }

  /** A Paho async client that records the topics of messages and the delivery reason codes. */
  private static final class Client implements MqttCallback {
    final MqttAsyncClient paho;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<Integer> delivered = new CopyOnWriteArrayList<>();

    Client(MqttAsyncClient paho) {
      this.paho = paho;
    }

    IMqttToken subscribe(String topic) throws MqttException {
      IMqttToken token = paho.subscribe(new MqttSubscription(topic, 1));
      token.waitForCompletion(WAIT_MS);
      return token;
    }

    IMqttToken publish(String topic, int qos) throws MqttException {
      IMqttToken token = paho.publish(topic,
          new MqttMessage(topic.getBytes(StandardCharsets.UTF_8), qos, false, null));
      token.waitForCompletion(WAIT_MS);
      return token;
    }

    void close() throws MqttException {
      if (paho.isConnected()) {
        paho.disconnect().waitForCompletion(WAIT_MS);
      }
      paho.close();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(topic);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      int[] codes = token.getReasonCodes();
      if (codes != null) {
        for (int code : codes) {
          delivered.add(code);
        }
      }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
