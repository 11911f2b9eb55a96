package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.broker.BrokerSettings;
import dev.kelvin.telemetry.broker.EmbeddedBroker;
import dev.kelvin.telemetry.broker.TestLogins;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup default, end to end: the subscriber on the embedded broker, which keeps no
 * sessions across a restart, so ingestion survives it only by subscribing again.
 */
class EmbeddedBrokerIngestIT {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final Topics TOPICS = Topics.defaults();

  @TempDir
  Path workDir;

  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final TestLogins logins = new TestLogins();

  @Test
  void ingestion_resumes_after_the_embedded_broker_restarts_without_its_sessions()
      throws Exception {
    BrokerSettings brokerSettings = new BrokerSettings("127.0.0.1", 0, 100_000, workDir);
    EmbeddedBroker first = EmbeddedBroker.start(brokerSettings, logins.access);
    int port = first.port();
    TelemetrySettings settings =
        TelemetrySettings.defaults(TestLogins.endpoint(first, logins.controller));
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(TOPICS, 65_536), state,
        counters, (reading, at) -> { }, java.time.InstantSource.system(), Duration.ofMinutes(1));
    try (WallClockScheduler scheduler = new WallClockScheduler("it-embedded");
        TelemetrySubscriber subscriber = new TelemetrySubscriber(settings, pipeline,
            PahoTransport.INSTANCE, scheduler)) {
      subscriber.start();
      publish(first, 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> counters.stats().accepted() == 1);

      first.close();
      await().atMost(Duration.ofSeconds(20)).until(() -> !subscriber.connected());
      try (EmbeddedBroker second = EmbeddedBroker.start(brokerSettings.withPort(port),
          logins.access)) {
        await().atMost(Duration.ofSeconds(30)).until(subscriber::connected);
        publish(second, 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> counters.stats().accepted() == 2);
        assertThat(state.snapshot(Instant.now()).node(N01).orElseThrow().latest().seq())
            .isEqualTo(2);
        subscriber.close();
      }
    }
  }

  private void publish(EmbeddedBroker broker, long seq) throws Exception {
    NodeReading reading = Readings.reading().node(N01).at(Instant.now()).seq(seq).build();
    try (MqttTestClient node = MqttTestClient.connect(
        TestLogins.endpoint(broker, logins.agent01), "node")) {
      node.publish(TOPICS.nodeTelemetry(N01), StrictJson.write(TelemetryWire.encode(reading)));
    }
  }
}
