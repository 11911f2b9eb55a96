package dev.kelvin.app.bench;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.telemetry.TelemetrySettings;
import dev.kelvin.telemetry.TelemetrySubscriber;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Ingest end to end through a real broker: one publisher sends site batches for a while, and
 * either a bare subscriber on the MQTT layer that only counts messages, or Kelvin's whole
 * ingest (subscription, backlog, decoding, validation, live state, store) receives them. The
 * publisher keeps at most {@link #WINDOW_READINGS} ahead of what the consumer took in, so each
 * run measures the consumer's sustained rate, from the first publish to the last reading
 * received (bare) or stored (Kelvin).
 */
final class IngestBench {
  /**
   * How far the publisher may run ahead of what the consumer took in: ten full store batches,
   * so that the store's batching and its writes in flight never stall the publisher.
   */
  static final long WINDOW_READINGS = 200_000;
  /** How long to wait for stragglers once the publisher stopped and nothing more arrives. */
  private static final Duration SETTLE = Duration.ofSeconds(30);

  /** Where readings go and how many are in: an in-memory count, or InfluxDB. */
  interface Store extends AutoCloseable {
    ReadingSink sink();

    /** Readings stored so far (for InfluxDB: written and acknowledged). */
    long stored();

    /** Readings stored, counted afresh at the end (for InfluxDB: by a query). */
    long counted() throws Exception;

    @Override
    void close();
  }

  /** One run: readings published and received or stored, over how long. */
  record Run(long published, long arrived, double seconds, long failedPublishes) {
    double perSecond() {
      return seconds > 0 ? arrived / seconds : 0;
    }

    long lost() {
      return published - arrived;
    }
  }

  private final MqttEndpoint broker;
  private final int nodes;
  private final int perMessage;
  private final Duration duration;

  IngestBench(MqttEndpoint broker, int nodes, int perMessage, Duration duration) {
    this.broker = broker;
    this.nodes = nodes;
    this.perMessage = perMessage;
    this.duration = duration;
  }

  /** A subscriber that counts messages and does nothing else. */
  Run bare() throws InterruptedException {
    Topics topics = uniqueTopics();
    AtomicLong messages = new AtomicLong();
    AtomicLong lastNanos = new AtomicLong();
    try (WallClockScheduler scheduler = new WallClockScheduler("bench-bare", 2);
        MqttSession session = PahoTransport.INSTANCE.session(SessionSettings.clean(broker,
            "bench-bare-" + topics.prefix().hashCode()), scheduler, (topic, payload) -> {
              messages.incrementAndGet();
              lastNanos.set(System.nanoTime());
            })) {
      session.subscribe(topics.allSiteTelemetry());
      session.open();
      BenchPublisher.Published sent = publish(topics, scheduler,
          () -> messages.get() * perMessage);
      settle(() -> messages.get() * perMessage, sent.readings());
      return new Run(sent.readings(), messages.get() * perMessage,
          (lastNanos.get() - sent.startNanos()) / 1e9, sent.failures());
    }
  }

  /** Kelvin's ingest into {@code store}. */
  Run kelvin(Store store) throws Exception {
    Topics topics = uniqueTopics();
    AtomicLong lastNanos = new AtomicLong();
    try (WallClockScheduler scheduler = new WallClockScheduler("bench-ingest", 2)) {
      ClusterState state = new ClusterState(StateSettings.defaults());
      IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics, 4 << 20),
          state, new IngestCounters(), store.sink(), scheduler.clock(), Duration.ofMinutes(1));
      TelemetrySettings settings = TelemetrySettings.defaults(broker).withTopics(topics)
          .withSession(SessionSettings.clean(broker, "bench-kelvin-"
              + topics.prefix().hashCode()).withConnectTimeout(Duration.ofSeconds(10)));
      BenchPublisher.Published sent;
      try (TelemetrySubscriber subscriber = new TelemetrySubscriber(settings, pipeline,
          PahoTransport.INSTANCE, scheduler)) {
        subscriber.start();
        sent = publish(topics, scheduler, store::stored);
        AtomicLong previous = new AtomicLong();
        settle(() -> {
          long stored = store.stored();
          if (stored > previous.getAndSet(stored)) {
            lastNanos.set(System.nanoTime());
          }
          return stored;
        }, sent.readings());
      }
      long counted = store.counted();
      return new Run(sent.readings(), counted, (lastNanos.get() - sent.startNanos()) / 1e9,
          sent.failures());
    }
  }

  private BenchPublisher.Published publish(Topics topics, WallClockScheduler scheduler,
      LongSupplier consumed) throws InterruptedException {
    return new BenchPublisher(topics, nodes, perMessage).publish(broker,
        "bench-publisher-" + topics.prefix().hashCode(), scheduler, duration, consumed,
        WINDOW_READINGS);
  }

  /**
   * Waits until {@code arrived} reaches {@code expected}, or stops growing for
   * {@link #SETTLE}; the last call of {@code arrived} is the one that saw the final count.
   */
  private static void settle(LongSupplier arrived, long expected) throws InterruptedException {
    long seen = arrived.getAsLong();
    long since = System.nanoTime();
    while (seen < expected && System.nanoTime() - since < SETTLE.toNanos()) {
      Thread.sleep(5);
      long now = arrived.getAsLong();
      if (now != seen) {
        seen = now;
        since = System.nanoTime();
      }
    }
  }

  private static Topics uniqueTopics() {
    return new Topics("bench-" + UUID.randomUUID().toString().substring(0, 8) + "/v1");
  }
}
