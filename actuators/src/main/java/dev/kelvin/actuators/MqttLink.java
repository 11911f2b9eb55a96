package dev.kelvin.actuators;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's one MQTT connection, and the only class that touches Paho: connects with
 * automatic reconnect, subscribes to every node's {@code cmd/ack} at QoS 1 (again after each
 * reconnect, as sessions start clean), publishes commands at QoS 1 without the retain flag, and
 * turns Paho's exceptions into {@link ActuatorException}s that name the broker and a likely
 * cause. Incoming messages go to {@code inbound} on Paho's thread, which must return quickly.
 */
final class MqttLink implements AutoCloseable {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);

  private final ActuatorSettings settings;
  private final BiConsumer<String, byte[]> inbound;
  private volatile MqttAsyncClient client;

  MqttLink(ActuatorSettings settings, BiConsumer<String, byte[]> inbound) {
    this.settings = settings;
    this.inbound = inbound;
  }

  /** Connects and subscribes; blocks up to {@link #CONNECT_TIMEOUT} for each step. */
  void connect() {
    MqttAsyncClient created = create();
    try {
      created.connect(options()).waitForCompletion(CONNECT_TIMEOUT.toMillis() + 1000);
      IMqttToken subscribed = created.subscribe(ackSubscription());
      subscribed.waitForCompletion(CONNECT_TIMEOUT.toMillis());
      requireGranted(subscribed);
      client = created;
    } catch (MqttException e) {
      closeQuietly(created);
      throw MqttErrors.connectFailed(settings, e);
    } catch (ActuatorException e) {
      closeQuietly(created);
      throw e;
    }
  }

  boolean connected() {
    MqttAsyncClient current = client;
    return current != null && current.isConnected();
  }

  /**
   * Publishes {@code payload} at QoS 1, not retained. The future completes when the broker
   * acknowledges it, or exceptionally with an {@link ActuatorException} saying why not.
   */
  CompletableFuture<Void> publish(String topic, byte[] payload) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    MqttAsyncClient current = client;
    if (current == null) {
      done.completeExceptionally(MqttErrors.notConnected(settings.endpoint()));
      return done;
    }
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    message.setRetained(false);
    try {
      current.publish(topic, message, null, new PublishListener(done));
    } catch (MqttException | RuntimeException e) {
      done.completeExceptionally(MqttErrors.publishFailed(settings.endpoint(), e));
    }
    return done;
  }

  /** Disconnects (waiting up to two seconds) and releases Paho's resources. */
  @Override
  public void close() {
    MqttAsyncClient current = client;
    client = null;
    if (current != null) {
      closeQuietly(current);
    }
  }

  private MqttAsyncClient create() {
    try {
      MqttAsyncClient created = new MqttAsyncClient(settings.endpoint().broker().toString(),
          settings.clientId(), new MemoryPersistence());
      created.setCallback(new Callback());
      return created;
    } catch (MqttException | IllegalArgumentException e) {
      throw new ActuatorException("cannot make an MQTT client for broker "
          + settings.endpoint() + " with client id '" + settings.clientId() + "': "
          + e.getMessage(), e);
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(true);
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setConnectionTimeout(Math.toIntExact(CONNECT_TIMEOUT.toSeconds()));
    options.setKeepAliveInterval(30);
    MqttEndpoint endpoint = settings.endpoint();
    endpoint.username().ifPresent(options::setUserName);
    endpoint.password().ifPresent(pw -> options.setPassword(pw.getBytes(StandardCharsets.UTF_8)));
    return options;
  }

  private MqttSubscription ackSubscription() {
    return new MqttSubscription(settings.topics().allNodes(Channel.COMMAND_ACK), 1);
  }

  private void requireGranted(IMqttToken subscribed) {
    int[] codes = subscribed.getReasonCodes();
    if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
      throw MqttErrors.subscribeRefused(settings, codes[0]);
    }
  }

  private void resubscribe(MqttAsyncClient current) {
    try {
      current.subscribe(new MqttSubscription[] {ackSubscription()}, null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              LOG.info("reconnected to {}; listening for acks again", settings.endpoint());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              LOG.error("reconnected to {} but could not subscribe to acks again: {}",
                  settings.endpoint(), String.valueOf(error));
            }
          }, new MqttProperties());
    } catch (MqttException e) {
      LOG.error("reconnected to {} but could not subscribe to acks again: {}",
          settings.endpoint(), e.getMessage());
    }
  }

  private static void closeQuietly(MqttAsyncClient current) {
    try {
      if (current.isConnected()) {
        current.disconnect(CLOSE_TIMEOUT.toMillis()).waitForCompletion(CLOSE_TIMEOUT.toMillis());
      }
    } catch (MqttException e) {
      LOG.debug("MQTT disconnect did not complete cleanly: {}", e.getMessage());
    }
    try {
      current.close(true);
    } catch (MqttException e) {
      LOG.debug("MQTT client did not close cleanly: {}", e.getMessage());
    }
  }

  /** Completes a publish's future from the broker's PUBACK. */
  private final class PublishListener implements MqttActionListener {
    private final CompletableFuture<Void> done;

    PublishListener(CompletableFuture<Void> done) {
      this.done = done;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      int[] codes = token.getReasonCodes();
      if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
        done.completeExceptionally(MqttErrors.publishRefused(settings.endpoint(), codes[0]));
      } else {
        done.complete(null);
      }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
      done.completeExceptionally(MqttErrors.publishFailed(settings.endpoint(), error));
    }
  }

  /** Paho's callbacks: hands messages on, logs connection changes, resubscribes. */
  private final class Callback implements MqttCallback {
    @Override
    public void disconnected(MqttDisconnectResponse response) {
      LOG.warn("lost the connection to MQTT broker {} ({}); reconnecting automatically, and"
          + " commands fail until then", settings.endpoint(), MqttErrors.describe(response));
    }

    @Override
    public void mqttErrorOccurred(MqttException error) {
      LOG.warn("MQTT error from broker {}: {}", settings.endpoint(), error.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      inbound.accept(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
      // The publish listener handles each command's PUBACK.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      MqttAsyncClient current = client;
      if (reconnect && current != null) {
        resubscribe(current);
      }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
      // No enhanced authentication is configured.
    }
  }
}
