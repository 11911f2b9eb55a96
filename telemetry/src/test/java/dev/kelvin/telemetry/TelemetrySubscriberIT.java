package dev.kelvin.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.testing.MosquittoEnv;
import dev.kelvin.telemetry.testing.RecordingClient;
import dev.kelvin.telemetry.testing.TcpProxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock();
  private final IngestCounters counters = new IngestCounters();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private MosquittoEnv mosquitto;
  private Topics topics;
  private RecordingClient node;

  @BeforeEach
  void connectANode() throws Exception {
    mosquitto = MosquittoEnv.fromEnvironment();
    topics = new Topics(MosquittoEnv.uniquePrefix());
    node = closeLater(mosquitto.connect("node"));
  }

  @AfterEach
  void closeEverything() throws Exception {
    node.publishRetained(topics.controllerStatus(), "");
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void readings_published_by_nodes_arrive_in_the_cluster_state() throws Exception {
    start(settings(mosquitto.endpoint()));

    publish(reading(N01, 1));
    publish(reading(N02, 1));
    publish(reading(N01, 2));

    eventually().until(() -> counters.stats().accepted() == 3);
    var snapshot = state.snapshot(clock.instant());
    assertThat(snapshot.nodes()).containsOnlyKeys(N01, N02);
    assertThat(snapshot.node(N01).orElseThrow().latest().seq()).isEqualTo(2);
  }

  @Test
  void a_malformed_message_is_counted_and_the_next_good_one_still_arrives() throws Exception {
    TelemetrySubscriber subscriber = start(settings(mosquitto.endpoint()));

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
  void the_retained_controller_status_is_online_while_connected_and_offline_after_close()
      throws Exception {
    TelemetrySubscriber subscriber = start(settings(mosquitto.endpoint()));
    RecordingClient operator = closeLater(mosquitto.connect("operator"))
        .subscribe(topics.controllerStatus());

    eventually().until(() -> operator.last(topics.controllerStatus()).orElse(""),
        "online"::equals);
    assertThat(operator.received()).first().extracting(RecordingClient.Received::retained)
        .isEqualTo(true);

    subscriber.close();

    eventually().until(() -> operator.last(topics.controllerStatus()).orElse(""),
        "offline"::equals);
    assertThat(subscriber.connected()).isFalse();
  }

  @Test
  void a_wrong_password_fails_start_with_a_message_that_says_not_authorised() {
    MqttEndpoint wrong = MqttEndpoint.withLogin(mosquitto.broker(), mosquitto.username(),
        mosquitto.password() + "-wrong");
    TelemetrySubscriber subscriber = closeLater(subscriber(settings(wrong)));

    assertThatThrownBy(subscriber::start)
        .isInstanceOf(TelemetryException.class)
        .hasMessageContaining(mosquitto.broker().toString())
        .hasMessageContaining("not authorised: check the username/password");
    assertThat(subscriber.connected()).isFalse();
  }

  @Test
  void an_unreachable_broker_fails_start_asking_whether_it_runs() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = probe.getLocalPort();
    }
    URI nowhere = URI.create("tcp://127.0.0.1:" + closedPort);
    TelemetrySubscriber subscriber = closeLater(subscriber(settings(MqttEndpoint.withLogin(
        nowhere, mosquitto.username(), mosquitto.password()))));

    assertThatThrownBy(subscriber::start)
        .isInstanceOf(TelemetryException.class)
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("is the broker running?");
  }

  @Test
  void readings_published_while_the_network_was_down_arrive_after_the_automatic_reconnect()
      throws Exception {
    TcpProxy network = closeLater(new TcpProxy(mosquitto.broker().getHost(),
        mosquitto.broker().getPort()));
    MqttEndpoint throughProxy = MqttEndpoint.withLogin(
        URI.create("tcp://127.0.0.1:" + network.port()), mosquitto.username(),
        mosquitto.password());
    TelemetrySubscriber subscriber = start(settings(throughProxy));
    RecordingClient operator = closeLater(mosquitto.connect("operator"))
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
    assertThat(subscriber.connected()).isTrue();
    assertThat(state.snapshot(clock.instant()).node(N01).orElseThrow().window())
        .extracting(NodeReading::seq).containsExactly(1L, 2L, 3L);
  }

  @Test
  void a_subscriber_closed_during_an_outage_stays_closed_and_leaves_no_thread_behind()
      throws Exception {
    TcpProxy network = closeLater(new TcpProxy(mosquitto.broker().getHost(),
        mosquitto.broker().getPort()));
    TelemetrySettings settings = settings(MqttEndpoint.withLogin(
        URI.create("tcp://127.0.0.1:" + network.port()), mosquitto.username(),
        mosquitto.password()));
    TelemetrySubscriber subscriber = start(settings);
    network.cut();
    eventually().until(() -> !subscriber.connected());

    subscriber.close();
    network.restore();

    int connections = network.acceptedConnections();
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .until(() -> network.acceptedConnections() == connections);
    eventually().untilAsserted(() -> assertThat(threadsNamedAfter(settings.clientId())).isEmpty());
  }

  @Test
  void a_restart_under_the_same_client_id_receives_what_was_published_while_it_was_stopped()
      throws Exception {
    TelemetrySettings settings = settings(mosquitto.endpoint());
    start(settings).close();

    publish(reading(N01, 1));
    publish(reading(N02, 1));
    start(settings);

    eventually().until(() -> counters.stats().accepted() == 2);
    assertThat(state.snapshot(clock.instant()).nodes()).containsOnlyKeys(N01, N02);
  }

  private TelemetrySettings settings(MqttEndpoint endpoint) {
    return TelemetrySettings.defaults(endpoint).withTopics(topics)
        .withClientId(MosquittoEnv.uniqueClientId("controller"));
  }

  private TelemetrySubscriber subscriber(TelemetrySettings settings) {
    return new TelemetrySubscriber(settings, state, counters, clock);
  }

  private TelemetrySubscriber start(TelemetrySettings settings) {
    TelemetrySubscriber subscriber = closeLater(subscriber(settings));
    subscriber.start();
    return subscriber;
  }

  private NodeReading reading(NodeId id, long seq) {
    return Readings.reading().node(id).at(clock.instant().plusSeconds(seq)).seq(seq).build();
  }

  private void publish(NodeReading reading) throws Exception {
    node.publish(topics.nodeTelemetry(reading.node()),
        JSON.writeValueAsBytes(TelemetryWire.encode(reading)));
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private static List<String> threadsNamedAfter(String clientId) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().contains(clientId))
        .map(Thread::getName).toList();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(30));
  }
}
