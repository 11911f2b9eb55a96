package dev.kelvin.mqtt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic filters a {@link PahoSession} subscribed to, made again on every connect: at the
 * first, waiting for each answer; after a reconnect, asynchronously, telling the session once
 * every filter is answered. A filter the broker refuses is reported through {@code refused}.
 */
final class PahoSubscriptions {
  private static final Logger LOG = LoggerFactory.getLogger(PahoSubscriptions.class);

  private final MqttAsyncClient client;
  private final SessionSettings settings;
  private final Consumer<MqttFailure> refused;
  private final Runnable renewed;
  private final List<String> filters = new CopyOnWriteArrayList<>();

  /**
   * @param refused told of each filter the broker refused
   * @param renewed told once every filter is answered after a reconnect
   */
  PahoSubscriptions(MqttAsyncClient client, SessionSettings settings,
      Consumer<MqttFailure> refused, Runnable renewed) {
    this.client = client;
    this.settings = settings;
    this.refused = refused;
    this.renewed = renewed;
  }

  /** Keeps {@code filter} for every connect, and subscribes now when connected. */
  void add(String filter) {
    filters.add(Objects.requireNonNull(filter, "topicFilter"));
    if (client.isConnected()) {
      subscribeAsync(filter, new AtomicInteger(1), false);
    }
  }

  /**
   * Subscribes to every filter and waits for each answer, after the first connect.
   *
   * @throws MqttSessionException naming the first filter the broker refused
   */
  void subscribeAll(long waitMillis) throws MqttException {
    for (String filter : filters) {
      IMqttToken token = client.subscribe(filter, 1);
      token.waitForCompletion(waitMillis);
      Optional<MqttFailure> refusal = PahoFailures.refusal(token.getReasonCodes(),
          "the subscription to " + filter, settings.endpoint());
      if (refusal.isPresent()) {
        throw new MqttSessionException(refusal.get());
      }
    }
  }

  /** Renews every subscription after a reconnect; {@code renewed} once all are answered. */
  void renew() {
    if (filters.isEmpty()) {
      renewed.run();
      return;
    }
    AtomicInteger remaining = new AtomicInteger(filters.size());
    for (String filter : filters) {
      subscribeAsync(filter, remaining, true);
    }
  }

  private void subscribeAsync(String filter, AtomicInteger remaining, boolean reconnect) {
    try {
      client.subscribe(filter, 1, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          PahoFailures.refusal(token.getReasonCodes(), "the subscription to " + filter,
              settings.endpoint()).ifPresent(refused);
          answered(remaining, reconnect);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable error) {
          LOG.warn("{}: subscribing to {} failed: {}; the next reconnect tries again",
              settings.clientId(), filter, failure(error));
          answered(remaining, reconnect);
        }
      });
    } catch (MqttException | RuntimeException e) {
      LOG.warn("{}: subscribing to {} failed: {}", settings.clientId(), filter, failure(e));
      answered(remaining, reconnect);
    }
  }

  private MqttFailure failure(Throwable error) {
    return PahoFailures.of(error, settings.endpoint(), settings.clientId());
  }

  private void answered(AtomicInteger remaining, boolean reconnect) {
    if (remaining.decrementAndGet() == 0 && reconnect) {
      renewed.run();
    }
  }
}
