package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.ReconnectPacing;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller's telemetry on the real Mosquitto under Kelvin's access model (the ACL
 * scripts/services.sh writes, docs/security.md): readings for a node from another identity
 * never arrive, and a client of another identity that connects with the controller's client
 * id takes the connection for a moment but none of the readings, and the controller takes its
 * session back. (Mosquitto closes the old connection without a reason code, so to the
 * controller the theft is a lost connection, not a counted takeover.)
 */
class TelemetryAccessIT {
  private static final int NOT_AUTHORIZED = 0x87;
  private static final NodeId N01 = NodeId.of("site-a", "n01");

  private final Topics topics = TestServices.modelTopics();
  private final MqttEndpoint controller = TestServices.modelLogin("controller");
  private final WallClockScheduler scheduler = new WallClockScheduler("it-telemetry-access");
  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private TelemetrySubscriber subscriber;

  @BeforeEach
  void startSubscriber() {
    TelemetrySettings settings = TelemetrySettings.defaults(controller).withTopics(topics);
    settings = settings.withSession(settings.session().withReconnect(
        new ReconnectPacing(Duration.ofMillis(200), Duration.ofSeconds(2))));
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics, 65_536), state,
        counters, (reading, at) -> { }, scheduler.clock(), Duration.ofMinutes(1));
    subscriber = new TelemetrySubscriber(settings, pipeline, PahoTransport.INSTANCE, scheduler);
    subscriber.start();
  }

  @AfterEach
  void stop() {
    subscriber.close();
    scheduler.close();
  }

  @Test
  void readings_for_a_node_from_another_nodes_agent_are_refused_and_never_counted()
      throws Exception {
    try (MqttTestClient neighbour = MqttTestClient.connect(
        TestServices.modelLogin("agent-n02"), "neighbour")) {
      assertThat(neighbour.publishAnswered(topics.nodeTelemetry(N01), encoded(1), false))
          .isEqualTo(NOT_AUTHORIZED);
    }
    try (MqttTestClient own = MqttTestClient.connect(
        TestServices.modelLogin("agent-n01"), "own")) {
      assertThat(own.publishAnswered(topics.nodeTelemetry(N01), encoded(2), false))
          .isLessThan(0x80);
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> counters.stats().accepted() == 1);
    assertThat(state.snapshot(Instant.now()).node(N01).orElseThrow().latest().seq())
        .isEqualTo(2);
    assertThat(counters.stats().rejectedTotal()).isZero();
  }

  @Test
  void another_identity_using_the_controllers_client_id_gets_no_readings_and_loses_the_session()
      throws Exception {
    await().atMost(Duration.ofSeconds(15)).until(subscriber::connected);
    MqttTestClient thief = MqttTestClient.connectAs(TestServices.modelLogin("agent-n02"),
        TelemetrySettings.defaults(controller).session().clientId());
    try (thief; MqttTestClient own = MqttTestClient.connect(
        TestServices.modelLogin("agent-n01"), "own")) {
      thief.subscribe(topics.allNodes(Topics.Channel.TELEMETRY));
      own.publishAnswered(topics.nodeTelemetry(N01), encoded(3), false);

      await().atMost(Duration.ofSeconds(15)).until(() -> subscriber.stats().connectionsLost()
          >= 1 && subscriber.connected() && !thief.connected());
      own.publishAnswered(topics.nodeTelemetry(N01), encoded(4), false);

      await().atMost(Duration.ofSeconds(15)).until(() -> state.snapshot(Instant.now())
          .node(N01).map(view -> view.latest().seq() == 4).orElse(false));
      assertThat(thief.received()).as("the ACL lets n02's login read no telemetry").isEmpty();
    }
  }

  private static String encoded(long seq) {
    NodeReading reading = Readings.reading().node(N01).at(Instant.now()).seq(seq).build();
    return new String(StrictJson.write(TelemetryWire.encode(reading)), StandardCharsets.UTF_8);
  }
}
