package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.testing.TcpFaultProxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * Why Kelvin's sessions pace their own reconnects instead of turning on Paho's: a Paho 1.2.5
 * client with automatic reconnect, closed while its broker is away, leaves a non-daemon
 * "MQTT Reconnect" timer thread running, which keeps a JVM from exiting. (The foundation had
 * telemetry avoid the option for this reason and actuators turn it on; this test settles it.
 * Should a later Paho fix it, this test fails and says the option could be reconsidered.)
 */
class PahoAutomaticReconnectIT {
  @Test
  void paho_automatic_reconnect_leaves_a_non_daemon_thread_when_closed_during_an_outage()
      throws Exception {
    String clientId = TestServices.unique("it-paho-auto");
    try (TcpFaultProxy proxy = TcpFaultProxy.to(TestServices.mqtt().broker())) {
      MqttEndpoint endpoint = TestServices.mqttAt(proxy.uri());
      MqttAsyncClient client = new MqttAsyncClient(endpoint.broker().toString(), clientId,
          new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setAutomaticReconnect(true);
      options.setAutomaticReconnectDelay(1, 2);
      options.setUserName(endpoint.username().orElseThrow());
      options.setPassword(endpoint.password().orElseThrow().getBytes(StandardCharsets.UTF_8));
      client.connect(options).waitForCompletion(10_000);

      proxy.cut();
      await().atMost(Duration.ofSeconds(10)).until(() -> !reconnectThreads(clientId).isEmpty());
      client.disconnectForcibly(0, 100, false);
      client.close(true);
    }

    Thread.sleep(3_000);
    List<Thread> left = reconnectThreads(clientId);
    left.forEach(Thread::interrupt);
    assertThat(left).as("Paho's reconnect timer outlives the closed client")
        .anySatisfy(thread -> assertThat(thread.isDaemon()).isFalse());
  }

  private static List<Thread> reconnectThreads(String clientId) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && thread.getName().contains("MQTT Reconnect")
            && thread.getName().contains(clientId))
        .toList();
  }
}
