package dev.kelvin.telemetry.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho MQTT 5 client for tests: publishes at QoS 1 and records what arrives on its
 * subscriptions. (Paho 1.2.5's per-subscription listeners recurse forever in
 * {@code MqttClient.subscribe(String[], int[], IMqttMessageListener[])}, so it records through
 * the client callback.)
 */
public final class RecordingClient implements AutoCloseable {
  /** One message as received. */
  public record Received(String topic, String payload, boolean retained) {}

  private final MqttClient client;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private RecordingClient(MqttClient client) {
    this.client = client;
  }

  /** Connects with a clean, non-persistent session. */
  public static RecordingClient connect(String uri, String clientId, String username,
      String password) throws MqttException {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    if (username != null) {
      options.setUserName(username);
      options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    }
    return connect(uri, clientId, options);
  }

  public static RecordingClient connect(String uri, String clientId,
      MqttConnectionOptions options) throws MqttException {
    MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
    RecordingClient recording = new RecordingClient(client);
    client.setCallback(recording.new Recorder());
    client.connect(options);
    return recording;
  }

  public RecordingClient subscribe(String filter) throws MqttException {
    client.subscribe(filter, 1);
    return this;
  }

  public void publish(String topic, String payload) throws MqttException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  public void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, new MqttMessage(payload, 1, false, null));
  }

  public void publishRetained(String topic, String payload) throws MqttException {
    client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, true,
        null));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The payload last received on {@code topic}, if any. */
  public Optional<String> last(String topic) {
    List<Received> all = received();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).topic().equals(topic)) {
        return Optional.of(all.get(i).payload());
      }
    }
    return Optional.empty();
  }

  public void disconnect() throws MqttException {
    client.disconnect();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect();
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
    public void disconnected(MqttDisconnectResponse response) {
      // Tests assert on what arrived, not on the connection.
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
      // As above.
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // Publishing is synchronous through MqttClient.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      // Nothing to renew: tests connect once.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // No enhanced authentication.
    }
  }
}
