package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.broker.BrokerSettings;
import dev.kelvin.telemetry.broker.EmbeddedBroker;
import dev.kelvin.telemetry.testing.RecordingClient;
import java.nio.file.Path;
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

  private final MutableClock clock = new MutableClock();
  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(StateSettings.defaults());

  @Test
  void ingestion_resumes_after_the_embedded_broker_restarts_without_its_sessions()
      throws Exception {
    BrokerSettings brokerSettings = new BrokerSettings("127.0.0.1", 0, 100_000, workDir);
    EmbeddedBroker first = EmbeddedBroker.start(brokerSettings);
    int port = first.port();
    TelemetrySettings settings = TelemetrySettings.defaults(MqttEndpoint.anonymous(first.uri()));
    try (TelemetrySubscriber subscriber = new TelemetrySubscriber(settings, state, counters,
        clock)) {
      subscriber.start();
      publish(first, 1);
      await().atMost(Duration.ofSeconds(20)).until(() -> counters.stats().accepted() == 1);

      first.close();
      await().atMost(Duration.ofSeconds(20)).until(() -> !subscriber.connected());
      try (EmbeddedBroker second = EmbeddedBroker.start(brokerSettings.withPort(port))) {
        await().atMost(Duration.ofSeconds(30)).until(subscriber::connected);
        publish(second, 2);

        await().atMost(Duration.ofSeconds(20)).until(() -> counters.stats().accepted() == 2);
        assertThat(state.snapshot(clock.instant()).node(N01).orElseThrow().latest().seq())
            .isEqualTo(2);
        subscriber.close();
      }
    }
  }

  private void publish(EmbeddedBroker broker, long seq) throws Exception {
    NodeReading reading = Readings.reading().node(N01).at(clock.instant().plusSeconds(seq))
        .seq(seq).build();
    try (RecordingClient node = RecordingClient.connect(broker.uri().toString(),
        "it-node-" + seq, null, null)) {
      node.publish(TOPICS.nodeTelemetry(N01),
          new ObjectMapper().writeValueAsBytes(TelemetryWire.encode(reading)));
    }
  }
}
