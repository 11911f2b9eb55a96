package dev.kelvin.app.bench;

import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.access.ClientIds;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An MQTT subscriber to every node's telemetry that counts what arrives: the proof that the
 * agent under test really publishes, and its rate.
 */
final class TelemetryWatcher implements AutoCloseable {
  private final AtomicLong received = new AtomicLong();
  private final WallClockScheduler scheduler = new WallClockScheduler("bench-watcher");
  private final MqttSession session;

  private TelemetryWatcher(MqttEndpoint broker, Topics topics) {
    session = PahoTransport.INSTANCE.session(SessionSettings.clean(broker,
        ClientIds.of(broker.username(), "bench-watcher")),
        scheduler, new SessionListener() {
          @Override
          public void message(String topic, byte[] payload) {
            received.incrementAndGet();
          }
        });
    session.subscribe(topics.allNodes(Topics.Channel.TELEMETRY));
  }

  /** Connected and subscribed to {@code kelvin/v1/+/node/+/telemetry}. */
  static TelemetryWatcher open(MqttEndpoint broker, Topics topics) {
    TelemetryWatcher watcher = new TelemetryWatcher(broker, topics);
    try {
      watcher.session.open();
      return watcher;
    } catch (RuntimeException e) {
      watcher.close();
      throw e;
    }
  }

  /** Readings received since it subscribed. */
  long received() {
    return received.get();
  }

  /** Waits until at least one reading arrived; false when none came within {@code timeout}. */
  boolean awaitFirst(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return received() > 0;
  }

  @Override
  public void close() {
    session.close();
    scheduler.close();
  }
}
