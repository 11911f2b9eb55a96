package dev.kelvin.mqtt.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.access.ClientIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho MQTT 5 client for tests, playing a sender, an operator or an intruder: it
 * publishes at QoS 1 and records what arrives on its subscriptions. It deliberately does not
 * use Kelvin's session layer, so that it checks that layer from outside. (Paho 1.2.5's
 * per-subscription listeners recurse forever in {@code MqttClient.subscribe(String[], int[],
 * IMqttMessageListener[])}, so it records through the client callback.)
 */
public final class MqttTestClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ANSWER_WAIT_MS = 10_000;
  private static final int CONNECT_TIMEOUT_S = 10;
  private static final long DISCONNECT_WAIT_MS = 5_000;
  /** How long a publish refused for a full receive maximum waits before it is tried again. */
  private static final long INFLIGHT_RETRY_MS = 10;

  /** One message as received. */
  public record Received(String topic, String payload, boolean retained) {
    /** The payload as a JSON object. */
    public Map<String, Object> json() {
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

  /**
   * Connects to {@code endpoint} with its login, a clean session and a unique client id of
   * that login ({@code <username>:it-<role>-...}).
   */
  public static MqttTestClient connect(MqttEndpoint endpoint, String role) throws MqttException {
    return connectAs(endpoint,
        ClientIds.of(endpoint.username(), TestServices.unique("it-" + role)));
  }

  /** Connects to {@code endpoint} with its login and a clean session, as {@code clientId}. */
  public static MqttTestClient connectAs(MqttEndpoint endpoint, String clientId)
      throws MqttException {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setConnectionTimeout(CONNECT_TIMEOUT_S);
    endpoint.username().ifPresent(options::setUserName);
    endpoint.password().ifPresent(p -> options.setPassword(p.getBytes(StandardCharsets.UTF_8)));
    return connect(endpoint.broker().toString(), clientId, options);
  }

  public static MqttTestClient connect(String uri, String clientId,
      MqttConnectionOptions options) throws MqttException {
    MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    MqttTestClient testClient = new MqttTestClient(client);
    client.setCallback(testClient.new Recorder());
    try {
      client.connect(options).waitForCompletion(ANSWER_WAIT_MS);
    } catch (MqttException refused) {
      client.close(true);
      throw refused;
    }
    return testClient;
  }

  public MqttTestClient subscribe(String filter) throws MqttException {
    client.subscribe(filter, 1).waitForCompletion(ANSWER_WAIT_MS);
    return this;
  }

  public void publish(String topic, String payload) throws MqttException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Publishes at QoS 1 and waits for the broker's answer. Paho may complete a publish's token
   * before its callback thread counts the message out of flight, so a publish right after one
   * can be refused as over the broker's receive maximum (32202); it is tried again every {@value #INFLIGHT_RETRY_MS} ms for at most
   * {@value #ANSWER_WAIT_MS} ms.
   */
  public void publish(String topic, byte[] payload) throws MqttException {
    for (long tries = ANSWER_WAIT_MS / INFLIGHT_RETRY_MS; ; tries--) {
      try {
        client.publish(topic, new MqttMessage(payload, 1, false, null))
            .waitForCompletion(ANSWER_WAIT_MS);
        return;
      } catch (MqttException full) {
        if (full.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || tries <= 0) {
          throw full;
        }
        pause(INFLIGHT_RETRY_MS);
      }
    }
  }

  private static void pause(long millis) throws MqttException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
      throw new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT, stop);
    }
  }

  /** Publishes {@code json} as a JSON object. */
  public void publish(String topic, Map<String, ?> json) throws MqttException {
    try {
      publish(topic, JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes at QoS 1 and returns the broker's answer: the PUBACK reason code, below 0x80 when
   * it took the message (0, or 0x10 when nobody subscribes), 0x87 when the client may not
   * publish there (Paho reports a refusal this way, not as an exception).
   */
  public int publishAnswered(String topic, String payload, boolean retained)
      throws MqttException {
    IMqttToken token = client.publish(topic,
        new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, retained, null));
    token.waitForCompletion(ANSWER_WAIT_MS);
    return firstCode(token.getReasonCodes(), 0);
  }

  /**
   * Subscribes at QoS 1 and returns the broker's answer: the SUBACK reason code, 1 when granted
   * at QoS 1, 0x87 when the client may not subscribe to {@code filter}.
   */
  public int subscribeAnswered(String filter) throws MqttException {
    IMqttToken token = client.subscribe(filter, 1);
    token.waitForCompletion(ANSWER_WAIT_MS);
    return firstCode(token.getReasonCodes(), 1);
  }

  /** Whether the broker still has this client connected. */
  public boolean connected() {
    return client.isConnected();
  }

  private static int firstCode(int[] codes, int none) {
    return codes == null || codes.length == 0 ? none : codes[0];
  }

  public void publishRetained(String topic, String payload) throws MqttException {
    client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, true,
        null)).waitForCompletion(ANSWER_WAIT_MS);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Everything received on {@code topic} so far, in arrival order. */
  public List<Received> on(String topic) {
    return received.stream().filter(message -> message.topic().equals(topic)).toList();
  }

  /** The payload last received on {@code topic}, if any. */
  public Optional<String> last(String topic) {
    List<Received> all = on(topic);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1).payload());
  }

  /**
   * Disconnects cleanly (a DISCONNECT packet, so no will message), bounded in time. Paho's
   * blocking {@code MqttClient.disconnect()} waits without a limit, whatever its time to wait,
   * so this client is built on the asynchronous one and waits at most a few seconds for each
   * answer: a test fails then, it does not hang its build.
   */
  public void disconnect() throws MqttException {
    client.disconnect().waitForCompletion(DISCONNECT_WAIT_MS);
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      try {
        disconnect();
      } catch (MqttException e) {
        // the broker may be dropping the connection at the same moment (a test that just
        // refused or closed it): Paho then says it is already disconnecting, or its clean
        // disconnect never completes (seen once after a refused publish); either way the
        // connection is ended by force, which is the end this close wants. Anything else is a
        // real failure
        if (e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_DISCONNECTING
            && e.getReasonCode() != MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
          throw e;
        }
        client.disconnectForcibly(0, DISCONNECT_WAIT_MS, false);
      }
    }
    client.close(true);
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
      // Each publish waits for its own token.
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
