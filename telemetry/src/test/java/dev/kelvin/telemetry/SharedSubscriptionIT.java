package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.BatchWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import dev.kelvin.telemetry.store.InfluxStore;
import dev.kelvin.telemetry.store.InfluxTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two controllers in one MQTT 5 shared subscription group against the real Mosquitto, each
 * with its own InfluxDB store and spool writing into one database of the real InfluxDB: the
 * broker hands each message to one of them, so together they store every reading once.
 */
class SharedSubscriptionIT {
  private static final SiteId SITE = SiteId.of("site-a");
  private static final int NODES = 100;
  private static final int ROUNDS = 20;

  private final Topics topics = TestServices.uniqueTopics();
  private final String group = TestServices.unique("it-group");
  private final Map<String, AtomicInteger> kept = new ConcurrentHashMap<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @TempDir
  Path spools;

  private InfluxTestDatabase database;

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void two_controllers_in_one_group_together_store_every_reading_once() throws Exception {
    database = closeLater(InfluxTestDatabase.onTestServices());
    AtomicInteger byA = start("a");
    AtomicInteger byB = start("b");
    MqttTestClient gateway = closeLater(MqttTestClient.connect(TestServices.mqtt(), "gw"));
    for (int round = 0; round < ROUNDS; round++) {
      List<NodeReading> batch = new ArrayList<>();
      for (int n = 0; n < NODES; n++) {
        batch.add(Readings.reading().node(new NodeId(SITE, "n" + n)).seq(round)
            .at(Instant.now()).build());
      }
      gateway.publish(topics.siteTelemetry(SITE), StrictJson.write(BatchWire.encode(batch)));
    }

    await().atMost(Duration.ofSeconds(60))
        .until(() -> byA.get() + byB.get() == NODES * ROUNDS);
    assertThat(kept).hasSize(NODES * ROUNDS)
        .allSatisfy((key, count) -> assertThat(count.get()).as(key).isEqualTo(1));
    assertThat(byA.get()).as("readings kept by controller a").isPositive();
    assertThat(byB.get()).as("readings kept by controller b").isPositive();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(database.count("SELECT count(power_w) FROM node"))
            .as("readings in InfluxDB").isEqualTo(NODES * ROUNDS));
  }

  /** A controller of the group with its own client id, state and store. */
  private AtomicInteger start(String name) {
    AtomicInteger count = new AtomicInteger();
    WallClockScheduler scheduler = closeLater(new WallClockScheduler("it-share-" + name));
    ClusterState state = new ClusterState(StateSettings.defaults());
    TelemetrySettings settings = TelemetrySettings.defaults(TestServices.mqtt())
        .withTopics(topics).withSharedGroup(Optional.of(group))
        .withSession(SessionSettings.persistent(TestServices.mqtt(),
            TestServices.unique("it-share-" + name), Duration.ofMinutes(1)));
    InfluxStore store = closeLater(InfluxStore.open(database.settings(spools.resolve(name))
        .withBatching(500, Duration.ofMillis(100), 4), scheduler.clock()));
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics, 1 << 20), state,
        new IngestCounters(), (reading, at) -> {
          kept.computeIfAbsent(reading.node() + "#" + reading.seq(),
              key -> new AtomicInteger()).incrementAndGet();
          count.incrementAndGet();
          store.accept(reading, at);
        }, scheduler.clock(), Duration.ofMinutes(1));
    closeLater(new TelemetrySubscriber(settings, pipeline, PahoTransport.INSTANCE, scheduler))
        .start();
    return count;
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.add(closeable);
    return closeable;
  }
}
