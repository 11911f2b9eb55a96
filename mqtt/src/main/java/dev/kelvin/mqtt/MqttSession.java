package dev.kelvin.mqtt;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One MQTT 5 session of one client: connected by {@link #open()}, reconnected on its own after
 * a loss (paced by {@link SessionSettings#reconnect()} on the session's scheduler), its
 * subscriptions renewed on every connect, its Last Will published by the broker when it
 * vanishes, and closed cleanly (no Last Will) by {@link #close()}. Every publish and
 * subscription is QoS 1. Failures come as {@link MqttFailure}s that say what to fix.
 *
 * <p>Thread-safe. The listener's methods run on the session's delivery thread (Paho's
 * callback thread, or the scheduler's for the loopback) and must not block.
 */
public interface MqttSession extends AutoCloseable {
  String clientId();

  /**
   * Declares a subscription (QoS 1): made on every connect from now on, and at once when
   * connected. Declare them before {@link #open()} so that a refusal fails the start.
   */
  void subscribe(String topicFilter);

  /**
   * Connects, makes the declared subscriptions and waits for both, up to the connect timeout;
   * from then on the session reconnects on its own.
   *
   * @throws MqttSessionException with the failure: unreachable broker, refused login or client
   *     id, a subscription the broker's ACL refuses
   * @throws IllegalStateException when opened twice or after close
   */
  void open();

  /**
   * Like {@link #open()}, except that a broker it cannot reach now is no error: the session
   * keeps trying in the background, paced as after a loss, and the listener hears
   * {@code connected} once it succeeds. For clients that must run while the broker is away,
   * such as a node agent on a node that booted before the broker.
   *
   * @return empty when connected now, else why not yet
   * @throws MqttSessionException when the broker refused (login, client id, a subscription):
   *     trying again cannot help
   */
  java.util.Optional<MqttFailure> openOrKeepTrying();

  /** Whether the connection is up now. */
  boolean connected();

  /**
   * Queues {@code payload} for {@code topic} at QoS 1.
   *
   * @param done called once, later, with empty when the broker acknowledged the message or the
   *     failure; not called when this method returns a failure
   * @return empty when queued, else why it could not even be queued (not connected, too many
   *     messages in flight)
   */
  Optional<MqttFailure> publish(String topic, byte[] payload, boolean retained,
      Consumer<Optional<MqttFailure>> done);

  /** {@link #publish(String, byte[], boolean, Consumer)} as a future that fails with an
   * {@link MqttSessionException}. */
  default CompletableFuture<Void> publish(String topic, byte[] payload, boolean retained) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    Optional<MqttFailure> refused = publish(topic, payload, retained, outcome -> {
      if (outcome.isEmpty()) {
        future.complete(null);
      } else {
        future.completeExceptionally(new MqttSessionException(outcome.get()));
      }
    });
    refused.ifPresent(failure -> future.completeExceptionally(new MqttSessionException(failure)));
    return future;
  }

  /** Counts since the session was made. */
  SessionStats stats();

  /**
   * Stops reconnecting, disconnects cleanly (the broker does not publish the Last Will) waiting
   * a couple of seconds at most, and releases every thread. Idempotent.
   */
  @Override
  void close();
}
