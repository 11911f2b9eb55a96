package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kelvin.agent.lease.Refusal;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.StrictJson;
import dev.kelvin.mqtt.loopback.LoopbackBroker;
import dev.kelvin.mqtt.testing.RecordingListener;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent in virtual time over the loopback broker, watched by a session playing the
 * controller: what it publishes, how it keeps readings while the broker is away, and when
 * exactly a lease runs out.
 */
class NodeAgentTest {
  private static final MqttEndpoint LOOPBACK =
      MqttEndpoint.anonymous(URI.create("tcp://loopback:1883"));
  private static final Topics TOPICS = Topics.defaults();

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final LoopbackBroker broker = new LoopbackBroker(scheduler);
  private final FakeNodeHardware hardware = new FakeNodeHardware();
  private final RecordingListener controllerHeard = new RecordingListener();
  private NodeAgent agent = agent(AgentSettings.defaults(LOOPBACK));
  private MqttSession controller;

  @BeforeEach
  void connectController() {
    controller = broker.session(SessionSettings.persistent(LOOPBACK, "controller",
        Duration.ofMinutes(10)), scheduler, controllerHeard);
    controller.subscribe("kelvin/v1/#");
    controller.open();
  }

  @AfterEach
  void stop() {
    agent.close();
    controller.close();
  }

  @Test
  void publishes_a_reading_every_interval_with_the_limits_of_every_setpoint_it_holds() {
    agent.start();
    scheduler.advanceBy(Duration.ofMillis(2_500));

    List<NodeReading> readings = readings();
    assertThat(readings).extracting(NodeReading::seq).containsExactly(0L, 1L, 2L);
    NodeReading first = readings.get(0);
    assertThat(first.at()).isEqualTo(MutableClock.START);
    Optional<Device> gpu1 = Optional.of(Device.gpu(1));
    assertThat(first.get(NodeMetric.GPU_POWER_LIMIT_WATTS, gpu1)).hasValue(300);
    assertThat(first.get(NodeMetric.GPU_POWER_LIMIT_MIN_WATTS, gpu1)).hasValue(100);
    assertThat(first.get(NodeMetric.GPU_POWER_LIMIT_MAX_WATTS, gpu1)).hasValue(400);
    assertThat(first.get(NodeMetric.GPU_POWER_WATTS, gpu1)).as("the sample's own").hasValue(250);
    assertThat(first.metrics().has(NodeMetric.NODE_POWER_CAP_WATTS))
        .as("no node power cap on this hardware").isFalse();
    assertThat(broker.retained(TOPICS.nodeStatus(hardware.node()))).contains("online");
  }

  @Test
  void a_lease_reverts_at_the_first_check_after_it_runs_out() {
    agent.start();
    send(new NodeCommand("a-1", SetpointKind.CPU_FREQ_CAP, Optional.empty(), 2000,
        Duration.ofMillis(2_500), scheduler.now(), "test"));
    scheduler.runDue();
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);

    scheduler.advanceBy(Duration.ofMillis(2_999));
    assertThat(hardware.cpuCapMhz()).as("lease ends at 2.5 s; the check runs at 3 s")
        .isEqualTo(2000);
    scheduler.advanceBy(Duration.ofMillis(1));

    assertThat(hardware.cpuCapMhz()).isEqualTo(3000);
    assertThat(agent.stats().leasesExpired()).isEqualTo(1);
  }

  @Test
  void answers_a_gpu_command_with_the_values_read_back_on_that_gpu() {
    agent.start();
    send(new NodeCommand("a-gpu", SetpointKind.GPU_POWER_LIMIT, Optional.of(Device.gpu(1)), 250,
        Duration.ofMinutes(2), scheduler.now(), "test"));
    scheduler.advanceBy(Duration.ofSeconds(1));

    CommandAck ack = CommandWire.decodeAck(StrictJson.parseObject(bytes(
        controllerHeard.payloads(TOPICS.nodeCommandAck(hardware.node())).get(0)), 4096, "ack"));
    assertThat(ack.status()).isEqualTo(CommandAck.Status.APPLIED);
    assertThat(ack.before()).hasValue(300);
    assertThat(ack.after()).hasValue(250);
    assertThat(readings().get(readings().size() - 1)
        .get(NodeMetric.GPU_POWER_LIMIT_WATTS, Optional.of(Device.gpu(1)))).hasValue(250);
  }

  @Test
  void nacks_a_command_from_an_hour_ahead_by_reason_and_applies_the_next_normal_one() {
    agent.start();
    send(new NodeCommand("forged", SetpointKind.CPU_FREQ_CAP, Optional.empty(), 1200,
        Duration.ofMinutes(2), scheduler.now().plus(Duration.ofHours(1)), "forged"));
    scheduler.advanceBy(Duration.ofSeconds(1));
    send(new NodeCommand("a-1", SetpointKind.CPU_FREQ_CAP, Optional.empty(), 2000,
        Duration.ofMinutes(2), scheduler.now(), "thermal-cap-cpu"));
    scheduler.advanceBy(Duration.ofSeconds(1));

    List<CommandAck> acks = controllerHeard.payloads(TOPICS.nodeCommandAck(hardware.node()))
        .stream().map(json -> CommandWire.decodeAck(StrictJson.parseObject(bytes(json), 4096,
            "ack"))).toList();
    assertThat(acks).extracting(CommandAck::id, CommandAck::status).containsExactly(
        tuple("forged", CommandAck.Status.REJECTED), tuple("a-1", CommandAck.Status.APPLIED));
    assertThat(acks.get(0).message()).startsWith("refused (issued_in_future)");
    assertThat(hardware.cpuCapMhz()).isEqualTo(2000);
    AgentStats stats = agent.stats();
    assertThat(stats.refused(Refusal.ISSUED_IN_FUTURE)).isEqualTo(1);
    assertThat(stats.commandsRejected()).isEqualTo(1);
    assertThat(stats.commandsApplied()).isEqualTo(1);
  }

  @Test
  void starts_without_a_broker_keeps_its_readings_and_sends_them_oldest_first_when_it_comes() {
    broker.stop();
    agent.start();
    scheduler.advanceBy(Duration.ofSeconds(5));
    assertThat(agent.stats().connected()).isFalse();
    assertThat(agent.stats().backlog()).as("readings at 0, 1, ... 5 s").isEqualTo(6);

    broker.start();
    scheduler.advanceBy(Duration.ofSeconds(30));

    assertThat(agent.stats().connected()).isTrue();
    assertThat(readings()).extracting(NodeReading::seq).startsWith(0L, 1L, 2L, 3L, 4L, 5L);
    assertThat(agent.stats().readingsDropped()).isZero();
  }

  @Test
  void refuses_to_start_without_a_broker_when_the_settings_require_one() {
    broker.stop();
    agent = agent(AgentSettings.defaults(LOOPBACK).withRequireBrokerAtStart(true));

    assertThatThrownBy(agent::start).isInstanceOf(AgentException.class)
        .hasMessageContaining("cannot start").hasMessageContaining("loopback broker");
  }

  @Test
  void counts_failed_samples_and_goes_on_ticking() {
    hardware.failSamples("hwmon read failed");
    agent.start();
    scheduler.advanceBy(Duration.ofMillis(2_500));
    assertThat(agent.stats().sampleFailures()).isEqualTo(3);

    hardware.failSamples(null);
    scheduler.advanceBy(Duration.ofSeconds(2));

    assertThat(readings()).hasSize(2);
  }

  @Test
  void keeps_publishing_after_the_hardware_throws_an_error_once() {
    AtomicBoolean thrown = new AtomicBoolean();
    hardware.beforeSample(() -> {
      if (thrown.compareAndSet(false, true)) {
        throw new NoClassDefFoundError("org/nvidia/nvml/Nvml (a driver upgraded underneath)");
      }
    });
    agent.start();
    scheduler.advanceBy(Duration.ofMillis(3_500));

    assertThat(agent.stats().tickFailures()).isEqualTo(1);
    assertThat(readings()).hasSize(3);
  }

  @Test
  void closing_counts_unsent_readings_as_dropped_and_is_idempotent() {
    broker.stop();
    agent.start();
    scheduler.advanceBy(Duration.ofMillis(2_500));

    agent.close();
    long dropped = agent.stats().readingsDropped();
    agent.close();

    assertThat(dropped).isEqualTo(3);
    assertThat(agent.stats().backlog()).isZero();
    assertThat(agent.stats().readingsDropped()).isEqualTo(dropped);
  }

  @Test
  void refuses_to_start_twice_and_names_its_client_after_site_and_node() {
    agent.start();

    assertThatThrownBy(agent::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already started");
    assertThat(agent.clientId()).isEqualTo("kelvin:agent:site-a:n01");
  }

  private NodeAgent agent(AgentSettings settings) {
    return new NodeAgent(settings, hardware, broker, scheduler, scheduler);
  }

  private void send(NodeCommand command) {
    controller.publish(TOPICS.nodeCommand(hardware.node()),
        StrictJson.write(CommandWire.encode(command)), false, outcome -> { });
  }

  private List<NodeReading> readings() {
    return controllerHeard.payloads(TOPICS.nodeTelemetry(hardware.node())).stream()
        .map(json -> TelemetryWire.decode(hardware.node(), StrictJson.parseObject(bytes(json),
            65_536, "telemetry"))).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
