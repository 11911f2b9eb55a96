package dev.kelvin.telemetry;

import dev.kelvin.core.wire.MqttEndpoint;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconnects a dropped client with exponential backoff (1 s doubling to 30 s), on a daemon
 * thread of its own. Used instead of Paho's automatic reconnect, which leaves a non-daemon
 * timer thread running when the client is closed during an outage, so that the JVM cannot
 * exit.
 */
final class Reconnector implements AutoCloseable {
  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(30);
  /** The first failures are all logged, then every tenth: a long outage does not flood logs. */
  private static final int LOGGED_FAILURES = 10;
  private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

  private final MqttAsyncClient client;
  private final MqttConnectionOptions options;
  private final MqttEndpoint endpoint;
  private final ScheduledExecutorService scheduler;
  private Duration delay = FIRST_DELAY;
  private int failures;
  private boolean closed;

  Reconnector(MqttAsyncClient client, MqttConnectionOptions options, MqttEndpoint endpoint) {
    this.client = client;
    this.options = options;
    this.endpoint = endpoint;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kelvin-mqtt-reconnect-" + client.getClientId());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The connection dropped: try again after the current delay. */
  synchronized void connectionLost() {
    scheduleAttempt();
  }

  @Override
  public synchronized void close() {
    closed = true;
    scheduler.shutdownNow();
  }

  private synchronized void scheduleAttempt() {
    if (closed) {
      return;
    }
    scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void attempt() {
    try {
      client.connect(options, null, new MqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          succeeded();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          failed(failure);
        }
      });
    } catch (MqttException failure) {
      int code = failure.getReasonCode();
      if (code != MqttClientException.REASON_CODE_CLIENT_CONNECTED
          && code != MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS) {
        failed(failure);
      }
    }
  }

  private synchronized void succeeded() {
    delay = FIRST_DELAY;
    failures = 0;
  }

  private synchronized void failed(Throwable failure) {
    if (closed) {
      return;
    }
    String cause = failure instanceof MqttException mqtt ? MqttFailures.likelyCause(mqtt)
        : String.valueOf(failure);
    delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
    failures++;
    if (failures <= LOGGED_FAILURES || failures % LOGGED_FAILURES == 0) {
      log.warn("Reconnecting to the MQTT broker {} failed ({} attempts so far): {}; next"
          + " attempt in {} s", endpoint, failures, cause, delay.toSeconds());
    }
    scheduleAttempt();
  }
}
