package dev.kelvin.telemetry.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.core.wire.Topics.Channel;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.broker.BrokerRefusals.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker enforces Kelvin's access model: logins, client ids of one's own, and
 * topics by role. Each refusal is what a client used to get away with, and each is counted.
 * HiveMQ answers a refused QoS 1 publish with PUBACK 0x87 and may then drop the connection, so
 * each refused publish below goes out on a connection of its own.
 */
class EmbeddedBrokerAccessTest {
  private static final int NOT_AUTHORIZED = 0x87;
  private static final int BAD_LOGIN = 0x86;
  private static final int CLIENT_ID_NOT_VALID = 0x85;
  private static final Topics TOPICS = Topics.defaults();
  private static final TestLogins LOGINS = new TestLogins();
  private static Path workDir;
  private static EmbeddedBroker broker;

  private final List<MqttTestClient> clients = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    workDir = Files.createTempDirectory("kelvin-broker-access");
    broker = EmbeddedBroker.start(new BrokerSettings("127.0.0.1", 0, 1_000, workDir),
        LOGINS.access);
  }

  @AfterAll
  static void stop() throws Exception {
    broker.close();
    Files.deleteIfExists(workDir);
  }

  @AfterEach
  void closeClients() throws MqttException {
    for (MqttTestClient client : clients) {
      client.close();
    }
    clients.clear();
  }

  @Test
  void a_client_without_a_login_or_with_a_wrong_password_is_refused() {
    long before = broker.refusals().count(Reason.BAD_LOGIN);

    assertRefused(() -> MqttTestClient.connect(MqttEndpoint.anonymous(broker.uri()), "anon"),
        BAD_LOGIN);
    assertRefused(() -> MqttTestClient.connect(MqttEndpoint.withLogin(broker.uri(),
        LOGINS.controller.username(), "not-the-password"), "guess"), BAD_LOGIN);
    assertThat(broker.refusals().count(Reason.BAD_LOGIN)).isEqualTo(before + 2);
  }

  @Test
  void an_identity_cannot_use_another_identitys_client_id() {
    long before = broker.refusals().count(Reason.FOREIGN_CLIENT_ID);

    assertRefused(() -> MqttTestClient.connectAs(endpoint(LOGINS.agent02),
        "kelvin-controller:ingest"), CLIENT_ID_NOT_VALID);
    assertRefused(() -> MqttTestClient.connectAs(endpoint(LOGINS.agent02),
        "agent-site-a-n01:agent"), CLIENT_ID_NOT_VALID);
    assertThat(broker.refusals().count(Reason.FOREIGN_CLIENT_ID)).isEqualTo(before + 2);
  }

  @Test
  void a_command_from_a_client_that_is_not_the_controller_never_reaches_the_agent()
      throws Exception {
    MqttTestClient agent = client(LOGINS.agent01, "agent");
    assertThat(agent.subscribeAnswered(TOPICS.nodeCommand(TestLogins.N01))).isEqualTo(1);

    assertThat(attempt(LOGINS.agent02, TOPICS.nodeCommand(TestLogins.N01), "forged", false))
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(attempt(LOGINS.controller, TOPICS.nodeCommand(TestLogins.N01), "real", false))
        .isLessThan(0x80);

    await().atMost(Duration.ofSeconds(10))
        .until(() -> agent.last(TOPICS.nodeCommand(TestLogins.N01)).isPresent());
    assertThat(agent.on(TOPICS.nodeCommand(TestLogins.N01)))
        .extracting(MqttTestClient.Received::payload).containsExactly("real");
    assertThat(broker.refusals().count(Reason.PUBLISH_DENIED)).isPositive();
  }

  @Test
  void an_agent_cannot_publish_another_nodes_telemetry_or_acks() throws Exception {
    MqttTestClient controller = client(LOGINS.controller, "controller")
        .subscribe(TOPICS.allNodes(Channel.TELEMETRY));

    assertThat(attempt(LOGINS.agent02, TOPICS.nodeTelemetry(TestLogins.N01), "{}", false))
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(attempt(LOGINS.agent02, TOPICS.nodeCommandAck(TestLogins.N01), "{}", false))
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(attempt(LOGINS.agent02, TOPICS.nodeTelemetry(TestLogins.N02), "own", false))
        .isLessThan(0x80);

    await().atMost(Duration.ofSeconds(10))
        .until(() -> controller.last(TOPICS.nodeTelemetry(TestLogins.N02)).isPresent());
    assertThat(controller.on(TOPICS.nodeTelemetry(TestLogins.N01))).isEmpty();
  }

  @Test
  void a_subscription_wider_than_the_role_allows_is_refused() throws Exception {
    MqttTestClient agent = client(LOGINS.agent01, "agent");
    MqttTestClient watcher = client(LOGINS.watcher, "watcher");
    long before = broker.refusals().count(Reason.SUBSCRIBE_DENIED);

    assertThat(agent.subscribeAnswered(TOPICS.allNodes(Channel.COMMAND)))
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(agent.subscribeAnswered("#")).isEqualTo(NOT_AUTHORIZED);
    assertThat(watcher.subscribeAnswered(TOPICS.prefix() + "/#")).isEqualTo(1);
    assertThat(broker.refusals().count(Reason.SUBSCRIBE_DENIED)).isEqualTo(before + 2);
  }

  @Test
  void a_watcher_reads_but_cannot_publish() throws Exception {
    assertThat(attempt(LOGINS.watcher, TOPICS.nodeCommand(TestLogins.N01), "x", false))
        .isEqualTo(NOT_AUTHORIZED);
    assertThat(attempt(LOGINS.watcher, TOPICS.nodeTelemetry(TestLogins.N01), "x", false))
        .isEqualTo(NOT_AUTHORIZED);
  }

  @Test
  void retained_messages_are_taken_only_on_ones_own_status_topic() throws Exception {
    assertThat(attempt(LOGINS.agent01, TOPICS.nodeStatus(TestLogins.N01), "online", true))
        .isLessThan(0x80);
    assertThat(attempt(LOGINS.agent01, TOPICS.nodeTelemetry(TestLogins.N01), "{}", true))
        .isEqualTo(NOT_AUTHORIZED);
  }

  @Test
  void no_identity_retains_anywhere_but_its_own_status_and_the_retained_set_stays_one_each()
      throws Exception {
    List<String> topics = List.of(TOPICS.controllerStatus(), TOPICS.nodeStatus(TestLogins.N01),
        TOPICS.nodeStatus(TestLogins.N02), TOPICS.nodeTelemetry(TestLogins.N01),
        TOPICS.nodeCommand(TestLogins.N01), TOPICS.nodeCommandAck(TestLogins.N01),
        TOPICS.prefix() + "/site-a/facility/crac-1", TOPICS.prefix() + "/junk/retained");
    Map<BrokerAccess.Account, String> ownStatus = Map.of(
        LOGINS.controller, TOPICS.controllerStatus(),
        LOGINS.agent01, TOPICS.nodeStatus(TestLogins.N01),
        LOGINS.agent02, TOPICS.nodeStatus(TestLogins.N02));

    for (BrokerAccess.Account account : List.of(LOGINS.controller, LOGINS.agent01,
        LOGINS.agent02, LOGINS.watcher)) {
      for (String topic : topics) {
        boolean own = topic.equals(ownStatus.get(account));
        assertThat(attempt(account, topic, "online", true))
            .as("%s retaining on %s", account.username(), topic)
            .matches(code -> own ? code < 0x80 : code == NOT_AUTHORIZED);
      }
    }

    MqttTestClient reader = client(LOGINS.watcher, "retained-reader")
        .subscribe(TOPICS.prefix() + "/#");
    await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(500)).untilAsserted(() ->
        assertThat(reader.received()).filteredOn(MqttTestClient.Received::retained)
            .extracting(MqttTestClient.Received::topic)
            .containsExactlyInAnyOrderElementsOf(ownStatus.values()));
  }

  private MqttTestClient client(BrokerAccess.Account account, String role)
      throws MqttException {
    MqttTestClient client = MqttTestClient.connect(endpoint(account), role);
    clients.add(client);
    return client;
  }

  /** One publish on a connection of its own; the broker's answer (below 0x80: taken). */
  private int attempt(BrokerAccess.Account account, String topic, String payload,
      boolean retained) throws MqttException {
    return client(account, "publisher").publishAnswered(topic, payload, retained);
  }

  private static MqttEndpoint endpoint(BrokerAccess.Account account) {
    return TestLogins.endpoint(broker, account);
  }

  private interface Connect {
    MqttTestClient run() throws MqttException;
  }

  private void assertRefused(Connect connect, int reasonCode) {
    assertThatThrownBy(() -> clients.add(connect.run()))
        .isInstanceOfSatisfying(MqttException.class,
            refused -> assertThat(refused.getReasonCode()).isEqualTo(reasonCode));
  }
}
