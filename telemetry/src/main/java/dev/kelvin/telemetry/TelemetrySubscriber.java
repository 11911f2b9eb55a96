package dev.kelvin.telemetry;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the live {@link ClusterState} from MQTT: subscribes to every node's telemetry topic at
 * QoS 1 and passes each message through an {@link IngestPipeline}.
 *
 * <p>Nothing is lost while the connection drops: the session is persistent (clean start off,
 * session expiry {@link #SESSION_EXPIRY}), so the broker queues readings for the controller
 * while it reconnects (1 s, doubling to 30 s between attempts); the subscription is also renewed
 * on every reconnect, in case the broker restarted without its sessions. The controller's status topic says {@code online}
 * (retained) while connected; the Last Will sets it to {@code offline} when the connection
 * breaks, and {@link #close()} does so on the way out.
 */
public final class TelemetrySubscriber implements AutoCloseable {
  /** How long the broker keeps the session and queues readings after the connection drops. */
  public static final Duration SESSION_EXPIRY = Duration.ofMinutes(10);
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";
  private static final Logger log = LoggerFactory.getLogger(TelemetrySubscriber.class);
  private static final int AT_LEAST_ONCE = 1;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final TelemetrySettings settings;
  private final IngestPipeline pipeline;
  private final InstantSource clock;
  private final AtomicBoolean connectedBefore = new AtomicBoolean();
  private MqttAsyncClient client;
  private volatile Reconnector reconnector;
  private boolean closed;

  /** A subscriber that keeps readings in the live state only. */
  public TelemetrySubscriber(TelemetrySettings settings, ClusterState state,
      IngestCounters counters, InstantSource clock) {
    this(settings, state, counters, clock, (reading, receivedAt) -> { });
  }

  /** A subscriber that also hands every kept reading, live or late, to {@code store}. */
  public TelemetrySubscriber(TelemetrySettings settings, ClusterState state,
      IngestCounters counters, InstantSource clock, ReadingSink store) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    TelemetryDecoder decoder = new TelemetryDecoder(settings.topics(), settings.maxPayloadBytes());
    this.pipeline = new IngestPipeline(decoder, state, counters, store, clock,
        settings.rejectLogPeriod());
  }

  /**
   * Connects and subscribes; returns once both are done.
   *
   * @throws TelemetryException naming the broker and a likely cause when it cannot connect or
   *     subscribe
   * @throws IllegalStateException when started twice or after {@link #close()}
   */
  public synchronized void start() {
    if (client != null || closed) {
      throw new IllegalStateException("telemetry subscriber " + settings.clientId()
          + (closed ? " was closed" : " was already started") + "; create a new one");
    }
    MqttAsyncClient created = newClient();
    MqttConnectionOptions options = options();
    reconnector = new Reconnector(created, options, settings.endpoint());
    try {
      created.connect(options).waitForCompletion(CONNECT_TIMEOUT.plusSeconds(5).toMillis());
    } catch (MqttException failed) {
      abandon(created);
      throw MqttFailures.cannotConnect(settings.endpoint(), failed);
    }
    try {
      subscribeOrFail(created);
    } catch (TelemetryException refused) {
      abandon(created);
      throw refused;
    }
    client = created;
    log.info("Ingesting telemetry from {} on {} as client {}", settings.endpoint(),
        filter(), settings.clientId());
  }

  /** Whether the client is connected to the broker now (false while it reconnects). */
  public synchronized boolean connected() {
    return client != null && client.isConnected();
  }

  /**
   * Sets the controller status to {@code offline}, disconnects and releases the client. The
   * broker keeps the session for {@link #SESSION_EXPIRY}, so a restart under the same client
   * id picks up what was published meanwhile.
   */
  @Override
  public synchronized void close() {
    closed = true;
    MqttAsyncClient current = client;
    client = null;
    if (current == null) {
      return;
    }
    reconnector.close();
    long waitMillis = CLOSE_TIMEOUT.toMillis();
    try {
      if (current.isConnected()) {
        current.publish(settings.topics().controllerStatus(), status(OFFLINE))
            .waitForCompletion(waitMillis);
        current.disconnect(waitMillis).waitForCompletion(waitMillis);
      }
    } catch (MqttException failed) {
      log.warn("Leaving the MQTT broker {} uncleanly: {}; the Last Will reports the controller"
          + " offline instead", settings.endpoint(), MqttFailures.likelyCause(failed));
    } finally {
      release(current);
    }
    log.info("Stopped ingesting telemetry from {}", settings.endpoint());
  }

  private MqttAsyncClient newClient() {
    try {
      MqttAsyncClient created = new MqttAsyncClient(settings.endpoint().broker().toString(),
          settings.clientId(), new MemoryPersistence());
      created.setCallback(new SubscriberCallback(this, created));
      return created;
    } catch (MqttException | IllegalArgumentException invalid) {
      throw new TelemetryException("cannot create an MQTT client for " + settings.endpoint()
          + " with client id '" + settings.clientId() + "': " + invalid.getMessage(), invalid);
    }
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(false);
    options.setSessionExpiryInterval(SESSION_EXPIRY.toSeconds());
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(Math.toIntExact(settings.keepAlive().toSeconds()));
    options.setConnectionTimeout(Math.toIntExact(CONNECT_TIMEOUT.toSeconds()));
    settings.endpoint().username().ifPresent(options::setUserName);
    settings.endpoint().password()
        .ifPresent(password -> options.setPassword(password.getBytes(StandardCharsets.UTF_8)));
    options.setWill(settings.topics().controllerStatus(), status(OFFLINE));
    return options;
  }

  private void subscribeOrFail(MqttAsyncClient created) {
    try {
      IMqttToken token = created.subscribe(new MqttSubscription(filter(), AT_LEAST_ONCE));
      token.waitForCompletion(CONNECT_TIMEOUT.toMillis());
      checkGranted(token.getReasonCodes());
    } catch (MqttException failed) {
      throw MqttFailures.cannotSubscribe(settings.endpoint(), filter(),
          MqttFailures.likelyCause(failed) + " (reason code " + failed.getReasonCode() + ")",
          failed);
    }
  }

  private void checkGranted(int[] codes) {
    int code = codes == null || codes.length == 0 ? AT_LEAST_ONCE : codes[0];
    if (MqttFailures.isFailure(code)) {
      throw MqttFailures.cannotSubscribe(settings.endpoint(), filter(),
          MqttFailures.subscribeRefusal(code), null);
    }
    if (code < AT_LEAST_ONCE) {
      log.warn("The MQTT broker {} granted QoS {} only for {}: readings sent while the"
          + " connection is down will be lost", settings.endpoint(), code, filter());
    }
  }

  /** Called by the callback on every (re)connect: announce, and renew the subscription. */
  void onConnected(MqttAsyncClient connectedClient) {
    boolean reconnect = connectedBefore.getAndSet(true);
    try {
      connectedClient.publish(settings.topics().controllerStatus(), status(ONLINE));
      if (reconnect) {
        connectedClient.subscribe(new MqttSubscription[] {
            new MqttSubscription(filter(), AT_LEAST_ONCE)}, null, renewal(), new MqttProperties());
      }
    } catch (MqttException failed) {
      log.warn("After connecting to {}, could not announce or subscribe: {} ({})",
          settings.endpoint(), MqttFailures.likelyCause(failed), failed.getMessage());
    }
  }

  private MqttActionListener renewal() {
    return new MqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        try {
          checkGranted(token.getReasonCodes());
          log.info("Reconnected to the MQTT broker {}; telemetry subscription renewed",
              settings.endpoint());
        } catch (TelemetryException refused) {
          log.error("{}; no telemetry arrives until this is fixed", refused.getMessage());
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable failure) {
        log.error("Renewing the telemetry subscription on {} failed: {}; the next reconnect"
            + " tries again", settings.endpoint(), failure.toString());
      }
    };
  }

  /** Called by the callback on every message; never throws. */
  void onMessage(String topic, byte[] payload) {
    try {
      pipeline.ingest(topic, payload, clock.instant());
    } catch (RuntimeException bug) {
      log.error("Telemetry on {} could not be ingested; ingestion goes on", topic, bug);
    }
  }

  /** Called by the callback when the connection drops: reconnect. */
  void onDisconnected(String cause) {
    log.warn("Lost the MQTT broker {}: {}; reconnecting (the broker keeps the session for {})",
        settings.endpoint(), cause, SESSION_EXPIRY);
    reconnector.connectionLost();
  }

  TelemetrySettings settings() {
    return settings;
  }

  private String filter() {
    return settings.topics().allNodes(Topics.Channel.TELEMETRY);
  }

  private static MqttMessage status(String text) {
    return new MqttMessage(text.getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE, true, null);
  }

  private void abandon(MqttAsyncClient created) {
    reconnector.close();
    release(created);
  }

  private static void release(MqttAsyncClient mqtt) {
    try {
      if (mqtt.isConnected()) {
        mqtt.disconnectForcibly(0, CLOSE_TIMEOUT.toMillis(), false);
      }
      mqtt.close(true);
    } catch (MqttException failed) {
      log.debug("Releasing MQTT client {} failed", mqtt.getClientId(), failed);
    }
  }
}
