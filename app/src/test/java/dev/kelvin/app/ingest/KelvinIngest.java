package dev.kelvin.app.ingest;

import dev.kelvin.core.backlog.ShedReason;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionStats;
import dev.kelvin.telemetry.TelemetrySettings;
import dev.kelvin.telemetry.TelemetrySubscriber;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxStore;
import dev.kelvin.telemetry.store.StoreStats;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Kelvin's ingest as the controller wires it, storing into InfluxDB: a
 * {@link TelemetrySubscriber} with the default persistent session
 * ({@link TelemetrySettings#defaults}), its {@code IngestWorker}, an {@link IngestPipeline} over
 * a {@link ClusterState}, and an {@link InfluxStore}; between pipeline and store, a tap that
 * measures how late each reading arrived (receive time minus the time the agent stamped).
 */
final class KelvinIngest implements AutoCloseable {
  /** A reading received later than this after it was made counts as delayed. */
  static final Duration DELAYED = Duration.ofSeconds(2);

  private final WallClockScheduler scheduler = new WallClockScheduler("it-ingest", 2);
  private final IngestCounters counters = new IngestCounters();
  private final InfluxStore store;
  private final TelemetrySubscriber subscriber;
  private final AtomicLong maxDelayMillis = new AtomicLong();
  private final AtomicLong delayed = new AtomicLong();
  private final AtomicReference<Instant> lastDelayedAt = new AtomicReference<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  KelvinIngest(MqttEndpoint broker, Topics topics, InfluxSettings storeSettings) {
    this.store = InfluxStore.open(storeSettings, scheduler.clock());
    TelemetrySettings settings = TelemetrySettings.defaults(broker).withTopics(topics);
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics,
        settings.maxPayloadBytes()), new ClusterState(StateSettings.defaults()), counters,
        tap(store), scheduler.clock(), settings.rejectLogPeriod());
    this.subscriber = new TelemetrySubscriber(settings, pipeline, PahoTransport.INSTANCE,
        scheduler);
    subscriber.start();
  }

  private ReadingSink tap(ReadingSink next) {
    return (reading, receivedAt) -> {
      measure(reading, receivedAt);
      next.accept(reading, receivedAt);
    };
  }

  private void measure(NodeReading reading, Instant receivedAt) {
    Duration delay = Duration.between(reading.at(), receivedAt);
    maxDelayMillis.accumulateAndGet(delay.toMillis(), Math::max);
    if (delay.compareTo(DELAYED) > 0) {
      delayed.incrementAndGet();
      lastDelayedAt.accumulateAndGet(receivedAt, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }
  }

  /** Readings kept (live or late) and handed to the store. */
  long kept() {
    IngestStats stats = counters.stats();
    return stats.accepted() + stats.late();
  }

  IngestStats counts() {
    return counters.stats();
  }

  long shed() {
    return subscriber.worker().shed(ShedReason.SUPERSEDED)
        + subscriber.worker().shed(ShedReason.QUEUE_FULL);
  }

  /** Readings received but not yet applied. */
  long waiting() {
    return subscriber.worker().backlog().readings();
  }

  SessionStats session() {
    return subscriber.stats();
  }

  boolean connected() {
    return subscriber.connected();
  }

  StoreStats storeStats() {
    return store.stats();
  }

  Duration maxDelay() {
    return Duration.ofMillis(maxDelayMillis.get());
  }

  long delayed() {
    return delayed.get();
  }

  /** When the last reading later than {@link #DELAYED} arrived; null if none did. */
  Instant lastDelayedAt() {
    return lastDelayedAt.get();
  }

  /** Disconnects, then writes what the store still holds. Idempotent. */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      subscriber.close();
      store.close();
    } finally {
      scheduler.close();
    }
  }
}
