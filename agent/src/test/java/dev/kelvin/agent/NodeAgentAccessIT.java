package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.ReconnectPacing;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent of site-a/n01 on the real Mosquitto under Kelvin's access model (the ACL
 * scripts/services.sh writes, docs/security.md): a command from any identity but the
 * controller's never reaches it, and a client of another identity that connects with the
 * agent's client id takes the connection for a while but none of the agent's commands.
 */
class NodeAgentAccessIT {
  private static final int NOT_AUTHORIZED = 0x87;
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final NodeId N01 = NodeId.of("site-a", "n01");

  private final Topics topics = TestServices.modelTopics();
  private final WallClockScheduler ticks = new WallClockScheduler("it-access-ticks");
  private final WallClockScheduler leases = new WallClockScheduler("it-access-leases");
  private final FakeNodeHardware hardware = new FakeNodeHardware(N01);
  private AgentSettings settings;
  private NodeAgent agent;

  @BeforeEach
  void startAgent() {
    settings = AgentSettings.defaults(TestServices.modelLogin("agent-n01")).withTopics(topics)
        .withPublishInterval(Duration.ofMillis(200)).withSession(new AgentSettings.Timing(
            Duration.ofSeconds(30), Duration.ofSeconds(5),
            new ReconnectPacing(Duration.ofMillis(200), Duration.ofSeconds(2))));
    agent = new NodeAgent(settings, hardware, PahoTransport.INSTANCE, ticks, leases);
    agent.start();
  }

  @AfterEach
  void stop() {
    agent.close();
    ticks.close();
    leases.close();
  }

  @Test
  void a_command_from_another_agent_or_a_watcher_is_refused_by_the_broker_and_never_applied()
      throws Exception {
    try (MqttTestClient neighbour = MqttTestClient.connect(
            TestServices.modelLogin("agent-n02"), "neighbour");
        MqttTestClient watcher = MqttTestClient.connect(
            TestServices.modelLogin("watch"), "watcher")) {
      assertThat(neighbour.publishAnswered(topics.nodeCommand(N01), cap("forged-1", 1200),
          false)).isEqualTo(NOT_AUTHORIZED);
      assertThat(watcher.publishAnswered(topics.nodeCommand(N01), cap("forged-2", 1200),
          false)).isEqualTo(NOT_AUTHORIZED);
    }
    try (MqttTestClient controller = MqttTestClient.connect(
        TestServices.modelLogin("controller"), "controller")) {
      assertThat(controller.publishAnswered(topics.nodeCommand(N01), cap("real-1", 2400),
          false)).isLessThan(0x80);
    }

    await().atMost(WAIT).until(() -> agent.stats().commandsApplied() == 1);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
    assertThat(agent.stats().commandsRejected()).isZero();
  }

  @Test
  void another_identity_using_the_agents_client_id_gets_none_of_its_commands() throws Exception {
    await().atMost(WAIT).until(() -> agent.stats().connected());
    MqttTestClient thief = MqttTestClient.connectAs(TestServices.modelLogin("agent-n02"),
        settings.clientId(N01));
    try (thief; MqttTestClient controller = MqttTestClient.connect(
        TestServices.modelLogin("controller"), "controller")) {
      thief.subscribe(topics.nodeCommand(N01));
      controller.publishAnswered(topics.nodeCommand(N01), cap("real-2", 2200), false);

      await().atMost(WAIT).until(() -> agent.stats().connected() && !thief.connected());
      assertThat(thief.on(topics.nodeCommand(N01)))
          .as("Mosquitto's ACL keeps n01's commands from n02's login").isEmpty();
    }
  }

  private static String cap(String id, int mhz) {
    return "{\"v\":1,\"id\":\"" + id + "\",\"type\":\"set_cpu_freq_cap\",\"cpu_freq_cap_mhz\":"
        + mhz + ",\"lease_s\":120,\"issued_ts_ms\":" + Instant.now().toEpochMilli()
        + ",\"rule\":\"thermal-cap-cpu\"}";
  }
}
