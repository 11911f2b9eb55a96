package dev.kelvin.telemetry.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
  @TempDir
  Path workDir;

  @Test
  void round_trips_a_message_on_a_free_port_and_frees_the_port_and_its_folder_on_close()
      throws Exception {
    EmbeddedBroker broker = EmbeddedBroker.start(settings(0, 1000));
    int port = broker.port();
    try (broker) {
      assertThat(port).isPositive();
      assertThat(broker.uri()).hasToString("tcp://127.0.0.1:" + port);
      assertThat(broker.startDuration()).isPositive();
      try (MqttTestClient subscriber = MqttTestClient.connect(anonymous(broker), "sub")
              .subscribe("it/echo");
          MqttTestClient publisher = MqttTestClient.connect(anonymous(broker), "pub")) {
        publisher.publish("it/echo", "hello");

        await().atMost(Duration.ofSeconds(10))
            .until(() -> subscriber.last("it/echo").orElse(""), "hello"::equals);
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

      assertThatThrownBy(() -> EmbeddedBroker.start(settings(port, 1000)))
          .isInstanceOfSatisfying(EmbeddedBroker.PortInUseException.class,
              busy -> assertThat(busy.port()).isEqualTo(port))
          .hasMessageStartingWith("MQTT port " + port + " on 127.0.0.1 is already in use");
    }
    assertThat(listFolder(workDir)).as("no HiveMQ folder was created").isEmpty();
  }

  @Test
  void refuses_a_host_that_is_not_an_address_of_this_machine() {
    BrokerSettings foreign = new BrokerSettings("192.0.2.1", 0, 1000, workDir);

    assertThatThrownBy(() -> EmbeddedBroker.start(foreign))
        .isInstanceOf(BrokerException.class)
        .hasMessageContaining("192.0.2.1")
        .hasMessageContaining("not an address of this machine");
  }

  @Test
  void applies_the_queue_limit_and_reports_what_it_dropped() throws Exception {
    int limit = 5;
    try (EmbeddedBroker broker = EmbeddedBroker.start(settings(0, limit))) {
      MqttClient offline = persistentClient(broker, "it-offline");
      offline.subscribe("it/queue", 1);
      offline.disconnect();
      offline.close();
      try (MqttTestClient publisher = MqttTestClient.connect(anonymous(broker), "flood")) {
        for (int i = 0; i < 3 * limit; i++) {
          publisher.publish("it/queue", "m" + i);
        }
      }

      await().atMost(Duration.ofSeconds(10))
          .until(() -> broker.droppedMessages() >= 2L * limit);
    }
  }

  private static MqttEndpoint anonymous(EmbeddedBroker broker) {
    return MqttEndpoint.anonymous(broker.uri());
  }

  private BrokerSettings settings(int port, int maxQueued) {
    return new BrokerSettings("127.0.0.1", port, maxQueued, workDir.resolve("broker"));
  }

  private static MqttClient persistentClient(EmbeddedBroker broker, String id)
      throws MqttException {
    MqttClient client = new MqttClient(broker.uri().toString(), id, new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
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
