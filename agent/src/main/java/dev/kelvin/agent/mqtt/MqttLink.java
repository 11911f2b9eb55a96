package dev.kelvin.agent.mqtt;

import dev.kelvin.core.wire.MqttEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection with a retained Last Will, over Paho's asynchronous client. It never
 * reconnects on its own: the owner calls {@link #connect()} again when it sees fit, so that the
 * reconnect pace follows the owner's clock and scheduler. Each connect is a clean start; the
 * owner re-subscribes in {@link Listener#connected()}.
 *
 * <p>Nothing here blocks except {@link #publishAndWait} and {@link #close}. Listener methods
 * run on Paho's threads and must not block either; an exception they throw is logged, never
 * passed to Paho (which would drop the connection).
 */
public final class MqttLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
  private static final int QOS_1 = 1;

  /** What the connection tells its owner; called on Paho's threads. */
  public interface Listener {
    /** A connect succeeded; subscriptions from an earlier connection are gone. */
    void connected();

    /** A connect attempt failed. */
    void connectFailed(MqttFailure failure);

    /** An established connection dropped. */
    void connectionLost(MqttFailure failure);

    /** A message arrived on a subscribed topic. */
    void messageArrived(String topic, byte[] payload);
  }

  private final MqttEndpoint endpoint;
  private final String clientId;
  private final Listener listener;
  private final MqttConnectionOptions options;
  private final MqttAsyncClient client;
  private final Object state = new Object();
  private boolean connecting;
  private boolean closed;

  /**
   * @param willTopic where the broker publishes {@code willPayload}, retained, QoS 1, when this
   *     client vanishes without a clean disconnect
   * @throws IllegalArgumentException when Paho refuses the broker address or client id
   */
  public MqttLink(MqttEndpoint endpoint, String clientId, String willTopic, String willPayload,
      Listener listener) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.options = LinkCallback.options(endpoint, willTopic, willPayload);
    try {
      client = new MqttAsyncClient(endpoint.broker().toString(), clientId,
          new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException("cannot create an MQTT client " + clientId + " for "
          + endpoint + ": " + MqttFailure.of(e, endpoint, clientId).message(), e);
    }
    client.setCallback(new LinkCallback(endpoint, clientId, listener));
  }

  public String clientId() {
    return clientId;
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Starts a connect attempt unless one is under way, the link is up, or it is closed; the
   * outcome goes to the {@link Listener}.
   *
   * @return whether an attempt was started
   */
  public boolean connect() {
    return startConnect(new CompletableFuture<>());
  }

  /** Connects and waits up to {@code timeout}: empty when connected, else why not. */
  public Optional<MqttFailure> connectAndWait(Duration timeout) {
    CompletableFuture<Optional<MqttFailure>> outcome = new CompletableFuture<>();
    if (!startConnect(outcome)) {
      return Optional.of(new MqttFailure(MqttFailure.Kind.DISCONNECTED,
          "no connect attempt was started: the link is closed, up, or already connecting"));
    }
    return await(outcome, timeout, new MqttFailure(MqttFailure.Kind.UNREACHABLE,
        "no answer from the broker at " + endpoint.broker() + " within " + timeout));
  }

  private boolean startConnect(CompletableFuture<Optional<MqttFailure>> outcome) {
    synchronized (state) {
      if (closed || connecting || client.isConnected()) {
        return false;
      }
      connecting = true;
    }
    try {
      client.connect(options, null, new ConnectListener(outcome));
    } catch (MqttException | RuntimeException e) {
      connectDone(outcome, Optional.of(MqttFailure.of(e, endpoint, clientId)));
    }
    return true;
  }

  /** Subscribes to {@code topicFilter} at QoS 1; a refusal is logged. */
  public void subscribe(String topicFilter) {
    try {
      client.subscribe(topicFilter, QOS_1, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          refusal(token, "the subscription to " + topicFilter).ifPresent(failure ->
              LOG.error("{}: {}", clientId, failure.message()));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          LOG.warn("{}: subscribing to {} failed: {}", clientId, topicFilter,
              MqttFailure.of(error, endpoint, clientId).message());
        }
      });
    } catch (MqttException | RuntimeException e) {
      LOG.warn("{}: subscribing to {} failed: {}", clientId, topicFilter,
          MqttFailure.of(e, endpoint, clientId).message());
    }
  }

  /**
   * Queues {@code payload} for {@code topic} at QoS 1.
   *
   * @param done called once, on a Paho thread, with empty when the broker acknowledged the
   *     message or with the reason it did not; not called when this method returns a failure
   * @return empty when queued, else why the message could not even be queued
   */
  public Optional<MqttFailure> publish(String topic, byte[] payload, boolean retained,
      Consumer<Optional<MqttFailure>> done) {
    try {
      client.publish(topic, payload, QOS_1, retained, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          done.accept(refusal(token, "a message on " + topic));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          done.accept(Optional.of(MqttFailure.of(error, endpoint, clientId)));
        }
      });
      return Optional.empty();
    } catch (MqttException | RuntimeException e) {
      return Optional.of(MqttFailure.of(e, endpoint, clientId));
    }
  }

  /** Publishes and waits up to {@code timeout} for the broker's acknowledgement. */
  public Optional<MqttFailure> publishAndWait(String topic, String payload, boolean retained,
      Duration timeout) {
    CompletableFuture<Optional<MqttFailure>> outcome = new CompletableFuture<>();
    Optional<MqttFailure> queued = publish(topic, payload.getBytes(StandardCharsets.UTF_8),
        retained, outcome::complete);
    return queued.isPresent() ? queued : await(outcome, timeout,
        new MqttFailure(MqttFailure.Kind.UNREACHABLE, "the broker at " + endpoint.broker()
            + " did not acknowledge a message on " + topic + " within " + timeout));
  }

  /**
   * Disconnects cleanly (so the broker does not publish the Last Will), waiting up to
   * {@code timeout}, then releases the client's threads. Idempotent.
   */
  public void close(Duration timeout) {
    synchronized (state) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long millis = Math.max(1, timeout.toMillis());
    try {
      if (client.isConnected()) {
        client.disconnect(millis).waitForCompletion(millis);
      }
    } catch (MqttException | RuntimeException e) {
      LOG.debug("{}: clean disconnect failed, forcing it", clientId, e);
    }
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 100, false);
      }
      client.close(true);
    } catch (MqttException | RuntimeException e) {
      LOG.debug("{}: closing the MQTT client failed", clientId, e);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }

  private void connectDone(CompletableFuture<Optional<MqttFailure>> outcome,
      Optional<MqttFailure> failure) {
    synchronized (state) {
      connecting = false;
    }
    try {
      if (failure.isPresent()) {
        listener.connectFailed(failure.get());
      } else {
        listener.connected();
      }
    } catch (RuntimeException e) {
      LOG.error("{}: the connection listener failed", clientId, e);
    }
    outcome.complete(failure);
  }

  private static Optional<MqttFailure> await(CompletableFuture<Optional<MqttFailure>> outcome,
      Duration timeout, MqttFailure onTimeout) {
    try {
      return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return Optional.of(onTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new MqttFailure(MqttFailure.Kind.OTHER, "interrupted while waiting"));
    } catch (ExecutionException e) {
      return Optional.of(new MqttFailure(MqttFailure.Kind.OTHER, String.valueOf(e.getCause())));
    }
  }

  private Optional<MqttFailure> refusal(IMqttToken token, String what) {
    int[] codes = token.getReasonCodes();
    if (codes != null) {
      for (int code : codes) {
        if (code >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR) {
          return Optional.of(MqttFailure.refusedByBroker(what, code, endpoint));
        }
      }
    }
    return Optional.empty();
  }

  private final class ConnectListener implements MqttActionListener {
    private final CompletableFuture<Optional<MqttFailure>> outcome;

    ConnectListener(CompletableFuture<Optional<MqttFailure>> outcome) {
      this.outcome = outcome;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      connectDone(outcome, Optional.empty());
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
      connectDone(outcome, Optional.of(MqttFailure.of(error, endpoint, clientId)));
    }
  }
}
