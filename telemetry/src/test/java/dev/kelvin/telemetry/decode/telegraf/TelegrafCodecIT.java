package dev.kelvin.telemetry.decode.telegraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.telemetry.decode.Decoded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Through the real Mosquitto: messages published as Telegraf's MQTT output publishes them, on
 * its topic layout {@code <prefix>/{host}/{plugin}} at QoS 1, one metric per message and in
 * batches, arrive byte for byte and decode into the expected readings.
 */
class TelegrafCodecIT {
  private final String prefix = TestServices.unique("it-telegraf");
  private final TelegrafCodec codec =
      new TelegrafCodec(TelegrafSettings.defaults().withTopicFilter(prefix + "/#"));
  private MqttTestClient telegraf;
  private MqttTestClient kelvin;

  @BeforeEach
  void connect() throws Exception {
    kelvin = MqttTestClient.connect(TestServices.mqtt(), "kelvin").subscribe(prefix + "/#");
    telegraf = MqttTestClient.connect(TestServices.mqtt(), "telegraf");
  }

  @AfterEach
  void close() throws Exception {
    telegraf.close();
    kelvin.close();
  }

  private List<Decoded> receiveAndDecode(int messages) {
    await().atMost(Duration.ofSeconds(10)).until(() -> kelvin.received().size() >= messages);
    List<Decoded> decoded = new ArrayList<>();
    for (MqttTestClient.Received message : kelvin.received()) {
      assertThat(codec.handles(message.topic())).as(message.topic()).isTrue();
      decoded.add(codec.decode(message.topic(),
          message.payload().getBytes(StandardCharsets.UTF_8),
          TelegrafLines.receivedAfter(TelegrafLines.POWERSTAT_NS)));
    }
    return decoded;
  }

  @Test
  void a_batch_message_becomes_one_reading_per_node_with_every_gpu() throws Exception {
    telegraf.publish(prefix + "/gpu07/nvidia_smi", TelegrafLines.NVIDIA_SMI_A100 + "\n"
        + TelegrafLines.NVIDIA_SMI_A100.replace("index=3", "index=0")
            .replace("power_draw=61.93", "power_draw=250.5"));

    Decoded decoded = receiveAndDecode(1).get(0);

    assertThat(decoded.refused()).isEmpty();
    NodeReading reading = decoded.nodes().get(0);
    assertThat(reading.node()).isEqualTo(NodeId.of("site-a", "gpu07"));
    assertThat(reading.devices(Device.Kind.GPU)).containsOnlyKeys(Device.gpu(0), Device.gpu(3));
    assertThat(reading.get(NodeMetric.GPU_POWER_WATTS, Optional.empty())).hasValue(312.43);
  }

  @Test
  void one_metric_per_message_with_a_bad_one_among_them_combines_the_good_ones()
      throws Exception {
    String[] lines = TelegrafLines.POWERSTAT_CORE.split("\n");
    String topic = prefix + "/ubuntu/intel_powerstat";
    telegraf.publish(topic, lines[0]);
    telegraf.publish(topic, "powerstat_core,core_id=1,cpu_id=1,host=ubuntu,package_id=0"
        + " cpu_frequency_mhz=\"fast\" 1606494744000000000");
    telegraf.publish(topic, lines[0].replace("cpu_id=0", "cpu_id=1")
        .replace("1200.29", "2399.71"));

    List<Decoded> decoded = receiveAndDecode(3);

    assertThat(decoded.get(1).refused()).extracting(ValidationException::reason)
        .containsExactly(RejectReason.WRONG_TYPE);
    assertThat(decoded.get(2).nodes().get(0).cpuFreqMhz()).hasValue(1800);
  }
}
