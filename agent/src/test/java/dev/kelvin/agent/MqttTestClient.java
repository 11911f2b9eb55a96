package dev.kelvin.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.wire.MqttEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho client playing the controller in integration tests: it records what arrives on
 * its subscriptions and publishes commands.
 */
final class MqttTestClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long WAIT_MS = 5_000;

  /** One message as received. */
  record Received(String topic, String payload, boolean retained) {
    Map<String, Object> json() {
      try {
        return JSON.readValue(payload, new TypeReference<Map<String, Object>>() {});
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON on " + topic + ": " + payload, e);
      }
    }
  }

  private final MqttAsyncClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private MqttTestClient(MqttAsyncClient client) {
    this.client = client;
  }

  static MqttTestClient connect(MqttEndpoint endpoint) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(endpoint.broker().toString(),
        "it-client-" + UUID.randomUUID(), new MemoryPersistence());
    MqttTestClient testClient = new MqttTestClient(client);
    client.setCallback(testClient.new Recorder());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    endpoint.username().ifPresent(options::setUserName);
    endpoint.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    client.connect(options).waitForCompletion(WAIT_MS);
    return testClient;
  }

  void subscribe(String topicFilter) throws MqttException {
    client.subscribe(topicFilter, 1).waitForCompletion(WAIT_MS);
  }

  void publish(String topic, String payload) throws MqttException {
    client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false)
        .waitForCompletion(WAIT_MS);
  }

  void publish(String topic, Map<String, Object> json) throws MqttException {
    try {
      publish(topic, JSON.writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything received on {@code topic} so far, in arrival order. */
  List<Received> on(String topic) {
    return received.stream().filter(message -> message.topic().equals(topic)).toList();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(WAIT_MS);
    }
    client.close();
  }

  private final class Recorder implements MqttCallback {
    @Override
    public void messageArrived(String topic, MqttMessage message) {
      received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
          message.isRetained()));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
  }
}
