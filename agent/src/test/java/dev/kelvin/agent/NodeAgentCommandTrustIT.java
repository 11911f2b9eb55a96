package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.agent.lease.Lease;
import dev.kelvin.agent.lease.Refusal;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commands forged straight onto a node's command topic on the real Mosquitto, with a plain
 * MQTT client playing both the forger and the controller: a command stamped an hour ahead is
 * nacked with its reason and does not lock the controller out, and a replayed command is
 * answered as the duplicate it is.
 */
class NodeAgentCommandTrustIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final WallClockScheduler scheduler = new WallClockScheduler("it-trust-ticks");
  private final WallClockScheduler leaseScheduler = new WallClockScheduler("it-trust-leases");
  private Topics topics;
  private NodeId node;
  private FakeNodeHardware hardware;
  private NodeAgent agent;
  private MqttTestClient controller;

  @BeforeEach
  void startAgentAndController() throws Exception {
    topics = TestServices.uniqueTopics();
    node = NodeId.of("site-a", TestServices.unique("n"));
    hardware = new FakeNodeHardware(node);
    controller = MqttTestClient.connect(TestServices.mqtt(), "controller");
    controller.subscribe(topics.nodeCommandAck(node));
    agent = new NodeAgent(AgentSettings.defaults(TestServices.mqtt()).withTopics(topics)
        .withPublishInterval(Duration.ofMillis(200)), hardware, PahoTransport.INSTANCE,
        scheduler, leaseScheduler);
    agent.start();
  }

  @AfterEach
  void closeEverything() throws Exception {
    agent.close();
    controller.close();
    scheduler.close();
    leaseScheduler.close();
  }

  /** A command as raw JSON, the way anyone with publish rights on the topic can send one. */
  private static String command(String id, int mhz, Instant issuedAt) {
    return "{\"v\":1,\"id\":\"" + id + "\",\"type\":\"set_cpu_freq_cap\",\"cpu_freq_cap_mhz\":"
        + mhz + ",\"lease_s\":120,\"issued_ts_ms\":" + issuedAt.toEpochMilli()
        + ",\"rule\":\"thermal-cap-cpu\"}";
  }

  private List<CommandAck> acks() {
    return controller.on(topics.nodeCommandAck(node)).stream()
        .map(message -> CommandWire.decodeAck(message.json())).toList();
  }

  @Test
  void nacks_a_command_stamped_an_hour_ahead_and_applies_the_normal_one_after_it()
      throws Exception {
    controller.publish(topics.nodeCommand(node),
        command("forged", 1200, Instant.now().plus(Duration.ofHours(1))));
    controller.publish(topics.nodeCommand(node), command("a-normal", 2000, Instant.now()));

    await().atMost(WAIT).until(() -> acks().size() == 2);

    List<CommandAck> acks = acks();
    assertThat(acks.get(0).id()).isEqualTo("forged");
    assertThat(acks.get(0).status()).isEqualTo(CommandAck.Status.REJECTED);
    assertThat(acks.get(0).message()).startsWith("refused (issued_in_future): command forged")
        .contains("max_clock_skew");
    assertThat(acks.get(0).after()).isEmpty();
    assertThat(acks.get(1).id()).isEqualTo("a-normal");
    assertThat(acks.get(1).status()).isEqualTo(CommandAck.Status.APPLIED);
    assertThat(acks.get(1).after()).hasValue(2000);
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    assertThat(agent.leases()).singleElement().extracting(Lease::commandId)
        .isEqualTo("a-normal");
    AgentStats stats = agent.stats();
    assertThat(stats.refused(Refusal.ISSUED_IN_FUTURE)).isEqualTo(1);
    assertThat(stats.commandsRejected()).isEqualTo(1);
    assertThat(stats.commandsApplied()).isEqualTo(1);
  }

  @Test
  void answers_a_replayed_command_as_a_duplicate_without_writing_again() throws Exception {
    String applied = command("a-once", 2000, Instant.now());
    controller.publish(topics.nodeCommand(node), applied);
    await().atMost(WAIT).until(() -> acks().size() == 1);
    controller.publish(topics.nodeCommand(node), command("a-later", 2400, Instant.now()));
    await().atMost(WAIT).until(() -> acks().size() == 2);

    controller.publish(topics.nodeCommand(node), applied);

    await().atMost(WAIT).until(() -> acks().size() == 3);
    CommandAck replay = acks().get(2);
    assertThat(replay.id()).isEqualTo("a-once");
    assertThat(replay.status()).isEqualTo(CommandAck.Status.APPLIED);
    assertThat(replay.message()).startsWith("duplicate of command a-once")
        .contains("command a-later");
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
    assertThat(hardware.writes(SetpointKind.CPU_FREQ_CAP, Optional.empty())).isEqualTo(2);
    assertThat(agent.stats().commandsDuplicate()).isEqualTo(1);
    assertThat(agent.stats().commandsRejected()).isZero();
  }
}
