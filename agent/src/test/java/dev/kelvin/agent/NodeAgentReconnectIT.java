package dev.kelvin.agent;

import dev.kelvin.core.model.Device;

import dev.kelvin.core.testkit.TestServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.SetpointKind;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.mqtt.testing.TcpFaultProxy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker going away and coming back: the agent talks to the real Mosquitto through a proxy
 * the test cuts, while the controller's client stays connected to the broker itself.
 */
class NodeAgentReconnectIT {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final WallClockScheduler scheduler = new WallClockScheduler("it-agent-ticks", 2);
  private final WallClockScheduler leaseScheduler = new WallClockScheduler("it-agent-leases");
  private Topics topics;
  private NodeId node;
  private FakeNodeHardware hardware;
  private TcpFaultProxy proxy;
  private NodeAgent agent;
  private MqttTestClient controller;

  @BeforeEach
  void connectController() throws Exception {
    MqttEndpoint broker = TestServices.mqtt();
    topics = TestServices.uniqueTopics();
    node = NodeId.of("site-a", TestServices.unique("n"));
    proxy = TcpFaultProxy.to(broker.broker());
    proxy.cut();
    controller = MqttTestClient.connect(broker, "controller");
    controller.subscribe(topics.prefix() + "/#");
    AgentSettings settings = AgentSettings.defaults(TestServices.mqttAt(proxy.uri()))
        .withTopics(topics).withPublishInterval(INTERVAL);
    hardware = new FakeNodeHardware(node);
    agent = new NodeAgent(settings, hardware, PahoTransport.INSTANCE, scheduler, leaseScheduler);
  }

  @AfterEach
  void closeEverything() throws Exception {
    agent.close();
    proxy.close();
    controller.close();
    scheduler.close();
    leaseScheduler.close();
  }

  private List<Long> seqs() {
    return controller.on(topics.nodeTelemetry(node)).stream()
        .map(message -> TelemetryWire.decode(node, message.json()))
        .map(NodeReading::seq).toList();
  }

  private static List<Long> upTo(long last) {
    return LongStream.rangeClosed(0, last).boxed().toList();
  }

  @Test
  void keeps_readings_while_the_broker_is_away_and_publishes_them_oldest_first_after() throws
      Exception {
    proxy.restore();
    agent.start();
    await().atMost(WAIT).until(() -> seqs().size() >= 3);

    proxy.cut();
    await().atMost(WAIT).until(() -> !agent.stats().connected());
    await().atMost(WAIT).until(() -> agent.stats().backlog() >= 10);
    await().atMost(WAIT).until(() -> controller.on(topics.nodeStatus(node)).stream()
        .anyMatch(message -> message.payload().equals("offline")));
    long receivedBeforeRestore = seqs().size();
    proxy.restore();

    await().atMost(WAIT).until(() -> agent.stats().connected() && agent.stats().backlog() < 3);
    List<Long> seen = seqs();
    long last = seen.stream().mapToLong(Long::longValue).max().orElseThrow();
    List<Long> distinct = seen.stream().distinct().sorted().toList();
    assertThat(distinct).as("no reading lost").isEqualTo(upTo(last));
    assertThat(seen.subList((int) receivedBeforeRestore, seen.size()))
        .as("the backlog arrives oldest first").isSorted();
    assertThat(agent.stats().readingsDropped()).isZero();
    assertThat(controller.on(topics.nodeStatus(node))).extracting(m -> m.payload())
        .containsSubsequence("online", "offline", "online");
  }

  @Test
  void reverts_a_lease_on_time_even_while_the_broker_is_away() throws Exception {
    proxy.restore();
    agent.start();
    controller.publish(topics.nodeCommand(node), CommandWire.encode(new NodeCommand("a-away",
        SetpointKind.CPU_FREQ_CAP, Optional.empty(), 2000, Duration.ofMillis(1500),
        InstantSource.system().instant(), "it-rule")));
    await().atMost(WAIT).until(() -> hardware.cpuCapMhz() == 2000);

    proxy.cut();

    await().atMost(WAIT).until(() -> hardware.cpuCapMhz() == 3000);
    assertThat(agent.stats().connected()).isFalse();
    assertThat(agent.stats().leasesExpired()).isEqualTo(1);
  }

  @Test
  void starts_while_the_broker_is_unreachable_and_publishes_from_the_first_reading_once_it_is_up()
      throws Exception {
    agent.start();
    await().atMost(WAIT).until(() -> agent.stats().backlog() >= 5);
    assertThat(agent.stats().connected()).isFalse();
    assertThat(seqs()).isEmpty();

    proxy.restore();

    await().atMost(WAIT).until(() -> seqs().size() >= 8);
    assertThat(seqs().subList(0, 5)).isEqualTo(upTo(4));
  }
}
