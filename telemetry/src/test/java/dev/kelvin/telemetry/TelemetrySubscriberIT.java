package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.mqtt.testing.TcpFaultProxy;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.telemetry.decode.TelemetryDecoder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real Mosquitto: password login, anonymous off, a fresh topic prefix per test. */
class TelemetrySubscriberIT {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-b", "n02");

  private final WallClockScheduler scheduler = new WallClockScheduler("it-telemetry");
  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Topics topics = TestServices.uniqueTopics();
  private final String clientId = TestServices.unique("it-controller");
  private MqttTestClient node;

  @BeforeEach
  void connectANode() throws Exception {
    node = closeLater(MqttTestClient.connect(TestServices.mqtt(), "node"));
  }

  @AfterEach
  void closeEverything() throws Exception {
    node.publishRetained(topics.controllerStatus(), "");
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    scheduler.close();
  }

  @Test
  void readings_published_by_nodes_arrive_in_the_cluster_state() throws Exception {
    start(TestServices.mqtt());

    publish(reading(N01, 1));
    publish(reading(N02, 1));
    publish(reading(N01, 2));

    eventually().until(() -> counters.stats().accepted() == 3);
    var snapshot = state.snapshot(Instant.now());
    assertThat(snapshot.nodes()).containsOnlyKeys(N01, N02);
    assertThat(snapshot.node(N01).orElseThrow().latest().seq()).isEqualTo(2);
  }

  @Test
  void a_malformed_message_is_counted_and_the_next_good_one_still_arrives() throws Exception {
    TelemetrySubscriber subscriber = start(TestServices.mqtt());

    node.publish(topics.nodeTelemetry(N01), "{\"v\":1,\"power_w\":NaN}");
    node.publish(topics.nodeTelemetry(N01), new byte[] {(byte) 0xFF, 0x00});
    publish(reading(N01, 1));

    eventually().until(() -> counters.stats().accepted() == 1);
    assertThat(counters.rejectedCount(RejectReason.MALFORMED)).isEqualTo(2);
    assertThat(counters.stats().recentRejects()).allSatisfy(sample ->
        assertThat(sample.source()).isEqualTo(topics.nodeTelemetry(N01)));
    assertThat(subscriber.connected()).isTrue();
  }

  @Test
  void a_reading_stamped_30_s_ahead_is_refused_and_the_real_readings_after_it_are_live()
      throws Exception {
    start(TestServices.mqtt());

    publish(Readings.reading().node(N01).at(Instant.now().plusSeconds(30)).seq(1)
        .with(NodeMetric.CPU_TEMP_CELSIUS, 99).build());
    for (int seq = 2; seq <= 4; seq++) {
      publish(Readings.reading().node(N01).at(Instant.now()).seq(seq)
          .with(NodeMetric.CPU_TEMP_CELSIUS, 60).build());
      Thread.sleep(20); // a ts_ms of its own for each reading
    }

    eventually().until(() -> counters.stats().accepted() == 3);
    assertThat(counters.rejectedCount(RejectReason.CLOCK_SKEW)).isEqualTo(1);
    assertThat(counters.stats().late()).isZero();
    NodeView view = state.snapshot(Instant.now()).node(N01).orElseThrow();
    assertThat(view.window()).extracting(NodeReading::seq).containsExactly(2L, 3L, 4L);
    assertThat(view.latest(NodeMetric.CPU_TEMP_CELSIUS)).hasValue(60);
    assertThat(view.stale()).isFalse();
  }

  @Test
  void the_retained_controller_status_is_online_while_connected_and_offline_after_close()
      throws Exception {
    TelemetrySubscriber subscriber = start(TestServices.mqtt());
    MqttTestClient operator = closeLater(MqttTestClient.connect(TestServices.mqtt(), "operator"))
        .subscribe(topics.controllerStatus());

    eventually().until(() -> operator.last(topics.controllerStatus()).orElse(""),
        "online"::equals);
    assertThat(operator.received()).first().extracting(MqttTestClient.Received::retained)
        .isEqualTo(true);

    subscriber.close();

    eventually().until(() -> operator.last(topics.controllerStatus()).orElse(""),
        "offline"::equals);
    assertThat(subscriber.connected()).isFalse();
  }

  @Test
  void a_wrong_password_fails_start_with_a_message_naming_the_broker_and_the_user() {
    MqttEndpoint real = TestServices.mqtt();
    MqttEndpoint wrong = MqttEndpoint.withLogin(real.broker(), real.username().orElseThrow(),
        "wrong");

    assertThatThrownBy(() -> start(wrong)).isInstanceOf(TelemetryException.class)
        .hasMessageContaining(real.broker().toString()).hasMessageContaining("kelvin-it")
        .hasMessageContaining("password");
  }

  @Test
  void an_unreachable_broker_fails_start_asking_whether_it_runs() {
    URI nowhere = URI.create("tcp://127.0.0.1:1");
    assertThatThrownBy(() -> start(TestServices.mqttAt(nowhere)))
        .isInstanceOf(TelemetryException.class).hasMessageContaining(nowhere.toString())
        .hasMessageContaining("is the broker running");
  }

  @Test
  void readings_published_while_the_network_was_down_arrive_after_the_reconnect()
      throws Exception {
    TcpFaultProxy network = closeLater(TcpFaultProxy.to(TestServices.mqtt().broker()));
    TelemetrySubscriber subscriber = start(TestServices.mqttAt(network.uri()));
    MqttTestClient operator = closeLater(MqttTestClient.connect(TestServices.mqtt(), "operator"))
        .subscribe(topics.controllerStatus());
    publish(reading(N01, 1));
    eventually().until(() -> counters.stats().accepted() == 1);

    network.cut();
    eventually().until(() -> !subscriber.connected());
    eventually().until(() -> operator.last(topics.controllerStatus()).orElse(""),
        "offline"::equals);
    publish(reading(N01, 2));
    publish(reading(N01, 3));
    network.restore();

    eventually().until(() -> counters.stats().accepted() == 3);
    eventually().until(() -> operator.last(topics.controllerStatus()).orElse(""),
        "online"::equals);
    assertThat(state.snapshot(Instant.now()).node(N01).orElseThrow().window())
        .extracting(NodeReading::seq).containsExactly(1L, 2L, 3L);
    assertThat(subscriber.stats().connectionsLost()).isEqualTo(1);
  }

  @Test
  void a_restart_under_the_same_client_id_receives_what_was_published_while_it_was_stopped()
      throws Exception {
    start(TestServices.mqtt()).close();

    publish(reading(N01, 1));
    publish(reading(N02, 1));
    start(TestServices.mqtt());

    eventually().until(() -> counters.stats().accepted() == 2);
    assertThat(state.snapshot(Instant.now()).nodes()).containsOnlyKeys(N01, N02);
  }

  private TelemetrySubscriber start(MqttEndpoint endpoint) {
    TelemetrySettings settings = TelemetrySettings.defaults(endpoint).withTopics(topics)
        .withSession(SessionSettings.persistent(endpoint, clientId, Duration.ofMinutes(2))
            .withConnectTimeout(Duration.ofSeconds(5)));
    IngestPipeline pipeline = new IngestPipeline(new TelemetryDecoder(topics, 65_536), state,
        counters, (reading, at) -> { }, scheduler.clock(), Duration.ofMinutes(1));
    TelemetrySubscriber subscriber = closeLater(new TelemetrySubscriber(settings, pipeline,
        PahoTransport.INSTANCE, scheduler));
    subscriber.start();
    return subscriber;
  }

  private static NodeReading reading(NodeId id, long seq) {
    return Readings.reading().node(id).at(Instant.now()).seq(seq).build();
  }

  private void publish(NodeReading reading) throws Exception {
    node.publish(topics.nodeTelemetry(reading.node()), StrictJson.write(
        TelemetryWire.encode(reading)));
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30));
  }
}
