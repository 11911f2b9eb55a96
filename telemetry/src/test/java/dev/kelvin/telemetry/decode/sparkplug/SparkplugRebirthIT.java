package dev.kelvin.telemetry.decode.sparkplug;

import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.byAlias;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.declared;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.sparkplug.EdgeNode.Message;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Sparkplug gateway and Kelvin's codec through the real Mosquitto: the gateway's NBIRTH and
 * NDATA become facility readings on the host side, a lost NDATA (a seq gap) makes the host
 * publish one NCMD rebirth request that reaches the gateway on its command topic, and the
 * gateway's answering NBIRTH resumes the stream without another request.
 */
class SparkplugRebirthIT {
  private final WallClockScheduler scheduler = new WallClockScheduler("it-sparkplug", 2);
  private final String group = TestServices.unique("it-spb");
  private final List<FacilityReading> readings = new CopyOnWriteArrayList<>();
  private final List<Message> commands = new CopyOnWriteArrayList<>();
  private final EdgeNode gateway = new EdgeNode(group, "gw1");
  private MqttSession host;
  private MqttSession edge;
  private SparkplugCodec codec;

  @BeforeEach
  void connectTheHostAndTheGateway() {
    host = PahoTransport.INSTANCE.session(session("it-spb-host"), scheduler,
        listener(this::hostReceived));
    codec = new SparkplugCodec(SparkplugSettings.defaults(),
        (topic, payload) -> host.publish(topic, payload, false));
    host.subscribe("spBv1.0/" + group + "/#");
    host.open();
    edge = PahoTransport.INSTANCE.session(session("it-spb-gw1"), scheduler,
        listener((topic, payload) -> commands.add(new Message(topic, payload))));
    edge.subscribe("spBv1.0/" + group + "/NCMD/gw1");
    edge.open();
  }

  @AfterEach
  void closeEverything() throws Exception {
    edge.close();
    host.close();
    scheduler.close();
  }

  @Test
  void a_seq_gap_over_the_broker_brings_one_rebirth_request_to_the_gateway() throws Exception {
    publish(gateway.nbirth(declared("UPS/Load", 1, MetricDataType.Double, 40.0)));
    publish(gateway.ndata(byAlias(1, MetricDataType.Double, 41.0)));
    publish(gateway.lose(1).ndata(byAlias(1, MetricDataType.Double, 43.0)));

    await().atMost(10, TimeUnit.SECONDS).until(() -> commands.size() == 1);
    assertThat(commands.get(0).topic()).isEqualTo("spBv1.0/" + group + "/NCMD/gw1");
    SparkplugBPayload command = new SparkplugBPayloadDecoder()
        .buildFromByteArray(commands.get(0).payload(), null);
    assertThat(command.getMetrics()).singleElement().satisfies(metric -> {
      assertThat(metric.getName()).isEqualTo(RebirthCommand.REBIRTH_METRIC);
      assertThat(metric.getValue()).isEqualTo(true);
    });

    publish(gateway.nbirth(declared("UPS/Load", 1, MetricDataType.Double, 44.0)));
    publish(gateway.ndata(byAlias(1, MetricDataType.Double, 45.0)));

    await().atMost(10, TimeUnit.SECONDS).until(() -> readings.size() == 5);
    assertThat(readings).extracting(FacilityReading::value)
        .containsExactly(0.40, 0.41, 0.43, 0.44, 0.45);
    assertThat(readings).allSatisfy(reading -> {
      assertThat(reading.site()).isEqualTo(new SiteId(group));
      assertThat(reading.kind()).isEqualTo(FacilityKind.UPS_LOAD_RATIO);
    });
    assertThat(codec.stats().seqGaps()).isEqualTo(1);
    assertThat(codec.stats().rebirthRequests()).isEqualTo(1);
  }

  private void hostReceived(String topic, byte[] payload) {
    Decoded decoded = codec.decode(topic, payload, scheduler.clock().instant());
    readings.addAll(decoded.facility());
  }

  private void publish(Message message) throws Exception {
    edge.publish(message.topic(), message.payload(), false).get(10, TimeUnit.SECONDS);
  }

  private static SessionSettings session(String role) {
    return SessionSettings.clean(TestServices.mqtt(), TestServices.unique(role))
        .withConnectTimeout(Duration.ofSeconds(5));
  }

  private static SessionListener listener(java.util.function.BiConsumer<String, byte[]> sink) {
    return new SessionListener() {
      @Override
      public void message(String topic, byte[] payload) {
        sink.accept(topic, payload);
      }
    };
  }
}
