package dev.kelvin.agent;

import dev.kelvin.core.model.Device;

import dev.kelvin.core.testkit.TestServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent against the real Mosquitto, watched by a plain MQTT client playing controller. */
class NodeAgentIT {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** One thread, as a scheduler shared by many agents is scarce: a stuck tick then holds it. */
  private final WallClockScheduler scheduler = new WallClockScheduler("it-agent-ticks");
  private final WallClockScheduler leaseScheduler = new WallClockScheduler("it-agent-leases");
  private final InstantSource clock = InstantSource.system();
  private MqttEndpoint endpoint;
  private Topics topics;
  private NodeId node;
  private FakeNodeHardware hardware;
  private NodeAgent agent;
  private MqttTestClient controller;
  private final CountDownLatch unstick = new CountDownLatch(1);
  private final CountDownLatch stuck = new CountDownLatch(1);

  @BeforeEach
  void connectController() throws Exception {
    endpoint = TestServices.mqtt();
    topics = TestServices.uniqueTopics();
    node = NodeId.of("site-a", TestServices.unique("n"));
    hardware = new FakeNodeHardware(node);
    controller = MqttTestClient.connect(endpoint, "controller");
    controller.subscribe(topics.prefix() + "/#");
  }

  @AfterEach
  void closeEverything() throws Exception {
    unstick.countDown();
    if (agent != null) {
      agent.close();
    }
    controller.close();
    scheduler.close();
    leaseScheduler.close();
  }

  private NodeAgent startAgent() {
    AgentSettings settings = AgentSettings.defaults(endpoint).withTopics(topics)
        .withPublishInterval(INTERVAL).withMaxLease(Duration.ofMinutes(5));
    agent = new NodeAgent(settings, hardware, PahoTransport.INSTANCE, scheduler, leaseScheduler);
    agent.start();
    return agent;
  }

  private void sendCommand(String id, double mhz, Duration lease) throws Exception {
    NodeCommand command = new NodeCommand(id, SetpointKind.CPU_FREQ_CAP, Optional.empty(),
        mhz, lease, clock.instant(), "it-rule");
    controller.publish(topics.nodeCommand(node), CommandWire.encode(command));
  }

  /** Makes every sample hang, ignoring interrupts as a process stuck in the kernel does. */
  private void makeSamplesHang() {
    hardware.beforeSample(() -> {
      stuck.countDown();
      boolean released = false;
      while (!released) {
        try {
          unstick.await();
          released = true;
        } catch (InterruptedException ignored) {
          // a stuck nvidia-smi does not answer to interrupts either
        }
      }
    });
  }

  private CommandAck awaitAck(String id) {
    return await().atMost(WAIT).until(() -> controller.on(topics.nodeCommandAck(node)).stream()
        .map(message -> CommandWire.decodeAck(message.json()))
        .filter(ack -> ack.id().equals(id)).findFirst(), found -> found.isPresent()).get();
  }

  private List<NodeReading> readings() {
    return controller.on(topics.nodeTelemetry(node)).stream()
        .map(message -> TelemetryWire.decode(node, message.json())).toList();
  }

  @Test
  void publishes_telemetry_that_decodes_with_the_wire_codec() {
    startAgent();

    await().atMost(WAIT).until(() -> readings().size() >= 3);

    List<NodeReading> readings = readings();
    assertThat(readings).extracting(NodeReading::seq).startsWith(0L, 1L, 2L);
    assertThat(readings.get(0).rack().value()).isEqualTo("r1");
    assertThat(readings.get(0).metrics().get(NodeMetric.CPU_FREQ_CAP_MHZ)).hasValue(3000);
    assertThat(readings.get(0).powerWatts()).hasValue(300);
    assertThat(controller.on(topics.nodeTelemetry(node))).noneMatch(m -> m.retained());
    await().atMost(WAIT).until(() -> agent.stats().readingsPublished() >= 3);
  }

  @Test
  void announces_itself_online_retained_and_offline_when_closed() throws Exception {
    startAgent();
    await().atMost(WAIT).until(() -> !readings().isEmpty());

    try (MqttTestClient latecomer = MqttTestClient.connect(endpoint, "late-subscriber")) {
      latecomer.subscribe(topics.nodeStatus(node));
      await().atMost(WAIT).until(() -> !latecomer.on(topics.nodeStatus(node)).isEmpty());
      assertThat(latecomer.on(topics.nodeStatus(node)).get(0))
          .isEqualTo(new MqttTestClient.Received(topics.nodeStatus(node), "online", true));

      agent.close();

      await().atMost(WAIT).until(() -> latecomer.on(topics.nodeStatus(node)).size() == 2);
      assertThat(latecomer.on(topics.nodeStatus(node)).get(1).payload()).isEqualTo("offline");
    }
    try (MqttTestClient afterwards = MqttTestClient.connect(endpoint, "late-subscriber")) {
      afterwards.subscribe(topics.nodeStatus(node));
      await().atMost(WAIT).until(() -> !afterwards.on(topics.nodeStatus(node)).isEmpty());
      assertThat(afterwards.on(topics.nodeStatus(node)).get(0).payload()).isEqualTo("offline");
    }
  }

  @Test
  void applies_a_command_and_acks_with_the_values_read_back() throws Exception {
    startAgent();

    sendCommand("a-applied", 2400, Duration.ofMinutes(2));

    CommandAck ack = awaitAck("a-applied");
    assertThat(ack.status()).isEqualTo(CommandAck.Status.APPLIED);
    assertThat(ack.before()).hasValue(3000);
    assertThat(ack.after()).hasValue(2400);
    assertThat(ack.leaseExpiresAt()).isPresent();
    assertThat(hardware.cpuCapMhz()).isEqualTo(2400);
    await().atMost(WAIT).until(() -> readings().stream().anyMatch(reading ->
        reading.cpuFreqCapMhz().orElse(0) == 2400));
    assertThat(agent.stats().commandsApplied()).isEqualTo(1);
  }

  @Test
  void clamps_a_command_below_the_hardware_minimum_and_says_so_in_the_ack() throws Exception {
    startAgent();

    sendCommand("a-clamped", 500, Duration.ofMinutes(2));

    CommandAck ack = awaitAck("a-clamped");
    assertThat(ack.status()).isEqualTo(CommandAck.Status.APPLIED);
    assertThat(ack.after()).hasValue(1200);
    assertThat(ack.message()).contains("below this node's minimum of 1200 MHz")
        .contains("clamped to 1200 MHz");
    assertThat(hardware.cpuCapMhz()).isEqualTo(1200);
  }

  @Test
  void reverts_to_the_default_on_its_own_when_a_short_lease_runs_out() throws Exception {
    startAgent();

    sendCommand("a-short", 2000, Duration.ofMillis(1500));
    assertThat(awaitAck("a-short").after()).hasValue(2000);

    await().atMost(WAIT).until(() -> hardware.cpuCapMhz() == 3000);
    assertThat(agent.stats().leasesExpired()).isEqualTo(1);
    assertThat(agent.leases()).isEmpty();
  }

  @Test
  void reverts_a_lease_on_time_while_a_hardware_sample_hangs() throws Exception {
    makeSamplesHang();
    startAgent();
    await().atMost(WAIT).until(() -> stuck.getCount() == 0);

    sendCommand("a-stuck", 2000, Duration.ofMillis(1500));
    assertThat(awaitAck("a-stuck").after()).hasValue(2000);

    await().atMost(WAIT).until(() -> hardware.cpuCapMhz() == 3000);
    assertThat(agent.leases()).isEmpty();
    assertThat(agent.stats().leasesExpired()).isEqualTo(1);
  }

  @Test
  void closing_reverts_held_setpoints_even_after_the_scheduler_was_shut_down_mid_sample()
      throws Exception {
    makeSamplesHang();
    startAgent();
    await().atMost(WAIT).until(() -> stuck.getCount() == 0);
    sendCommand("a-held", 1800, Duration.ofMinutes(5));
    assertThat(awaitAck("a-held").after()).hasValue(1800);
    CompletableFuture.runAsync(scheduler::close);

    CompletableFuture<Void> closing = CompletableFuture.runAsync(agent::close);

    await().atMost(WAIT).until(closing::isDone);
    assertThat(closing).isCompletedWithValue(null);
    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
    assertThat(agent.leases()).isEmpty();
  }

  @Test
  void keeps_working_after_malformed_commands() throws Exception {
    startAgent();

    controller.publish(topics.nodeCommand(node), "this is not JSON");
    controller.publish(topics.nodeCommand(node), "{\"v\":1,\"id\":\"a-bad\",\"type\":"
        + "\"set_cpu_freq_cap\",\"cpu_freq_cap_mhz\":\"fast\",\"lease_s\":60,"
        + "\"issued_ts_ms\":1767225600000}");
    sendCommand("a-good", 2200, Duration.ofMinutes(1));

    CommandAck rejected = awaitAck("a-bad");
    assertThat(rejected.status()).isEqualTo(CommandAck.Status.REJECTED);
    assertThat(rejected.message()).contains("cpu_freq_cap_mhz");
    assertThat(awaitAck("a-good").status()).isEqualTo(CommandAck.Status.APPLIED);
    int before = readings().size();
    await().atMost(WAIT).until(() -> readings().size() > before + 2);
    assertThat(agent.stats().malformedCommands()).isEqualTo(2);
    assertThat(agent.stats().connected()).isTrue();
  }

  @Test
  void closing_restores_the_defaults_of_setpoints_still_held() throws Exception {
    startAgent();
    sendCommand("a-held", 1800, Duration.ofMinutes(5));
    assertThat(awaitAck("a-held").after()).hasValue(1800);

    agent.close();

    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
    assertThat(agent.stats().connected()).isFalse();
  }

  @Test
  void refuses_to_start_with_a_wrong_password_and_says_which_user() {
    endpoint = MqttEndpoint.withLogin(endpoint.broker(), endpoint.username().orElseThrow(),
        "not-the-password");

    assertThatThrownBy(this::startAgent).isInstanceOf(AgentException.class)
        .hasMessageContaining("refused the login of user '" + endpoint.username().get() + "'")
        .hasMessageNotContaining("not-the-password")
        .hasMessageContaining("check the username and password");
  }
}
