package dev.kelvin.telemetry.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real HiveMQ in this JVM: each start costs about 2 s and each stop about 4 s. */
class EmbeddedBrokerTest {
  private static final Topics TOPICS = Topics.defaults();

  @TempDir
  Path workDir;

  private final TestLogins logins = new TestLogins();

  @Test
  void round_trips_a_message_on_a_free_port_and_frees_the_port_and_its_folder_on_close()
      throws Exception {
    EmbeddedBroker broker = EmbeddedBroker.start(settings(0, 1000), logins.access);
    int port = broker.port();
    String telemetry = TOPICS.nodeTelemetry(TestLogins.N01);
    try (broker) {
      assertThat(port).isPositive();
      assertThat(broker.uri()).hasToString("tcp://127.0.0.1:" + port);
      assertThat(broker.startDuration()).isPositive();
      try (MqttTestClient controller = MqttTestClient.connect(
              TestLogins.endpoint(broker, logins.controller), "sub")
              .subscribe(TOPICS.allNodes(Topics.Channel.TELEMETRY));
          MqttTestClient agent = MqttTestClient.connect(
              TestLogins.endpoint(broker, logins.agent01), "pub")) {
        agent.publish(telemetry, "hello");

        await().atMost(Duration.ofSeconds(10))
            .until(() -> controller.last(telemetry).orElse(""), "hello"::equals);
      }
    }
    assertThat(listFolder(workDir)).isEmpty();
    try (ServerSocket again = new ServerSocket()) {
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void refuses_a_busy_port_before_starting_hivemq_and_names_the_port() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> EmbeddedBroker.start(settings(port, 1000), logins.access))
          .isInstanceOfSatisfying(EmbeddedBroker.PortInUseException.class,
              busy -> assertThat(busy.port()).isEqualTo(port))
          .hasMessageStartingWith("MQTT port " + port + " on 127.0.0.1 is already in use");
    }
    assertThat(listFolder(workDir)).as("no HiveMQ folder was created").isEmpty();
  }

  @Test
  void refuses_a_host_that_is_not_an_address_of_this_machine() {
    BrokerSettings foreign = new BrokerSettings("192.0.2.1", 0, 1000, workDir);

    assertThatThrownBy(() -> EmbeddedBroker.start(foreign, logins.access))
        .isInstanceOf(BrokerException.class)
        .hasMessageContaining("192.0.2.1")
        .hasMessageContaining("not an address of this machine");
  }

  @Test
  void applies_the_queue_limit_and_reports_what_it_dropped() throws Exception {
    int limit = 5;
    try (EmbeddedBroker broker = EmbeddedBroker.start(settings(0, limit), logins.access)) {
      MqttClient offline = persistentClient(broker, "kelvin-controller:ingest");
      offline.subscribe(TOPICS.allNodes(Topics.Channel.TELEMETRY), 1);
      offline.disconnectForcibly(1_000, 5_000, true); // bounded, unlike disconnect()
      offline.close();
      try (MqttTestClient agent = MqttTestClient.connect(
          TestLogins.endpoint(broker, logins.agent01), "flood")) {
        for (int i = 0; i < 3 * limit; i++) {
          agent.publish(TOPICS.nodeTelemetry(TestLogins.N01), "m" + i);
        }
      }

      await().atMost(Duration.ofSeconds(10))
          .until(() -> broker.droppedMessages() >= 2L * limit);
    }
  }

  private BrokerSettings settings(int port, int maxQueued) {
    return new BrokerSettings("127.0.0.1", port, maxQueued, workDir.resolve("broker"));
  }

  private MqttClient persistentClient(EmbeddedBroker broker, String id)
      throws MqttException {
    MqttClient client = new MqttClient(broker.uri().toString(), id, new MemoryPersistence());
    client.setTimeToWait(10_000);
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(logins.controller.username());
    options.setPassword(logins.controller.password().getBytes(StandardCharsets.UTF_8));
    options.setCleanStart(false);
    options.setSessionExpiryInterval(600L);
    client.connect(options);
    return client;
  }

  private static List<Path> listFolder(Path folder) throws Exception {
    try (var paths = Files.list(folder)) {
      return paths.toList();
    }
  }
}
