package dev.kelvin.telemetry.decode.sparkplug;

import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.T0;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.byAlias;
import static dev.kelvin.telemetry.decode.sparkplug.EdgeNode.declared;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.telemetry.decode.Decoded;
import dev.kelvin.telemetry.decode.sparkplug.EdgeNode.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.tahu.message.SparkplugBPayloadDecoder;
import org.eclipse.tahu.message.model.Metric;
import org.eclipse.tahu.message.model.MetricDataType;
import org.eclipse.tahu.message.model.SparkplugBPayload;
import org.junit.jupiter.api.Test;

class SparkplugRebirthTest {
  private final List<Message> rebirths = new ArrayList<>();
  private final SparkplugCodec codec = new SparkplugCodec(SparkplugSettings.defaults()
      .withRebirthInterval(Duration.ofSeconds(10)),
      (topic, payload) -> rebirths.add(new Message(topic, payload)));
  private final EdgeNode gateway = new EdgeNode("site-a", "gw1");

  private Decoded decode(Message message, Instant receivedAt) {
    return codec.decode(message.topic(), message.payload(), receivedAt);
  }

  private void born(Instant at) {
    decode(gateway.nbirth(declared("UPS/Load", 1, MetricDataType.Double, 30.0)), at);
  }

  @Test
  void a_seq_gap_asks_for_exactly_one_rebirth_on_the_edge_node_command_topic()
      throws Exception {
    born(T0);
    decode(gateway.ndata(byAlias(1, MetricDataType.Double, 31.0)), T0.plusSeconds(1));

    Decoded afterGap = decode(gateway.lose(2).ndata(byAlias(1, MetricDataType.Double, 34.0)),
        T0.plusSeconds(2));

    assertThat(afterGap.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.value()).isEqualTo(0.34));
    assertThat(rebirths).singleElement()
        .satisfies(sent -> assertThat(sent.topic()).isEqualTo("spBv1.0/site-a/NCMD/gw1"));
    SparkplugBPayload command = new SparkplugBPayloadDecoder()
        .buildFromByteArray(rebirths.get(0).payload(), null);
    assertThat(command.getMetrics()).singleElement().satisfies(metric -> {
      assertThat(metric.getName()).isEqualTo("Node Control/Rebirth");
      assertThat(metric.getDataType()).isEqualTo(MetricDataType.Boolean);
      assertThat(metric.getValue()).isEqualTo(true);
    });
    assertThat(command.getTimestamp().toInstant()).isEqualTo(T0.plusSeconds(2));
    assertThat(codec.stats().seqGaps()).isEqualTo(1);
    assertThat(codec.stats().rebirthRequests()).isEqualTo(1);
  }

  @Test
  void one_lost_message_counts_one_gap_and_the_sequence_goes_on_from_the_received_seq() {
    born(T0);
    decode(gateway.lose(1).ndata(byAlias(1, MetricDataType.Double, 31.0)), T0.plusSeconds(1));

    decode(gateway.ndata(byAlias(1, MetricDataType.Double, 32.0)), T0.plusSeconds(20));
    decode(gateway.ndata(byAlias(1, MetricDataType.Double, 33.0)), T0.plusSeconds(21));

    assertThat(codec.stats().seqGaps()).isEqualTo(1);
    assertThat(rebirths).hasSize(1);
  }

  @Test
  void seq_wrapping_from_255_to_0_is_no_gap() {
    born(T0);
    for (int i = 0; i < 300; i++) {
      Decoded decoded = decode(gateway.ndata(byAlias(1, MetricDataType.Double, 50.0)),
          T0.plusSeconds(i));
      assertThat(decoded.facility()).hasSize(1);
    }

    assertThat(codec.stats().seqGaps()).isZero();
    assertThat(rebirths).isEmpty();
  }

  @Test
  void a_repeated_seq_after_255_counts_as_a_gap() {
    born(T0);
    for (int i = 0; i < 255; i++) {
      decode(gateway.ndata(), T0);
    }

    decode(gateway.lose(255).ndata(), T0.plusSeconds(1));

    assertThat(codec.stats().seqGaps()).isEqualTo(1);
    assertThat(rebirths).hasSize(1);
  }

  @Test
  void rebirth_requests_are_paced_per_edge_node_by_the_receive_time() {
    EdgeNode other = new EdgeNode("site-a", "gw2");
    born(T0);
    decode(other.nbirth(), T0);

    decode(gateway.lose(1).ndata(), T0.plusSeconds(1));
    decode(gateway.lose(1).ndata(), T0.plusSeconds(5));
    decode(other.lose(1).ndata(), T0.plusSeconds(6));
    decode(gateway.lose(1).ndata(), T0.plusSeconds(10));
    decode(gateway.lose(1).ndata(), T0.plusSeconds(11));

    assertThat(rebirths).extracting(Message::topic).containsExactly(
        "spBv1.0/site-a/NCMD/gw1", "spBv1.0/site-a/NCMD/gw2", "spBv1.0/site-a/NCMD/gw1");
    assertThat(codec.stats().seqGaps()).isEqualTo(5);
  }

  @Test
  void a_new_birth_resets_the_sequence_after_a_rebirth() {
    born(T0);
    decode(gateway.lose(3).ndata(), T0.plusSeconds(1));

    born(T0.plusSeconds(2));
    Decoded after = decode(gateway.ndata(byAlias(1, MetricDataType.Double, 45.0)),
        T0.plusSeconds(3));

    assertThat(after.facility()).hasSize(1);
    assertThat(codec.stats().seqGaps()).isEqualTo(1);
    assertThat(rebirths).hasSize(1);
  }

  @Test
  void data_before_any_birth_asks_for_a_rebirth_and_keeps_what_names_itself() {
    Decoded decoded = decode(gateway.ndata(
        EdgeNode.metric("Alarms/Fire", MetricDataType.Boolean, true),
        byAlias(4, MetricDataType.Double, 20.0)), T0);

    assertThat(decoded.facility()).extracting(FacilityReading::kind)
        .containsExactly(FacilityKind.ALARM_FIRE);
    assertThat(decoded.refused()).singleElement()
        .satisfies(refused -> assertThat(refused.reason()).isEqualTo(RejectReason.MISSING_FIELD));
    assertThat(rebirths).extracting(Message::topic).containsExactly("spBv1.0/site-a/NCMD/gw1");
    assertThat(codec.stats().dataBeforeBirth()).isEqualTo(1);
  }

  @Test
  void device_data_before_its_device_birth_asks_for_a_rebirth() {
    born(T0);

    decode(gateway.ddata("crac-1", byAlias(1, MetricDataType.Float, 20f)), T0.plusSeconds(1));

    assertThat(rebirths).hasSize(1);
    assertThat(codec.stats().dataBeforeBirth()).isEqualTo(1);
    assertThat(codec.stats().seqGaps()).isZero();
  }

  @Test
  void an_unknown_alias_refuses_that_metric_keeps_the_others_and_asks_for_a_rebirth() {
    born(T0);

    Decoded decoded = decode(gateway.ndata(byAlias(9, MetricDataType.Double, 1.0),
        byAlias(1, MetricDataType.Double, 60.0)), T0.plusSeconds(1));

    assertThat(decoded.facility()).singleElement()
        .satisfies(reading -> assertThat(reading.value()).isEqualTo(0.6));
    assertThat(decoded.refused()).singleElement().satisfies(refused -> {
      assertThat(refused.reason()).isEqualTo(RejectReason.MISSING_FIELD);
      assertThat(refused.field()).isEqualTo("alias");
      assertThat(refused.getMessage()).contains("alias 9").contains("rebirth");
    });
    assertThat(codec.stats().unknownAliases()).isEqualTo(1);
    assertThat(rebirths).hasSize(1);
  }

  @Test
  void a_requester_that_throws_is_counted_and_decoding_goes_on() {
    SparkplugCodec failing = new SparkplugCodec(SparkplugSettings.defaults(),
        (topic, payload) -> {
          throw new IllegalStateException("not connected");
        });
    Message birth = gateway.nbirth(declared("UPS/Load", 1, MetricDataType.Double, 30.0));
    failing.decode(birth.topic(), birth.payload(), T0);

    Message gap = gateway.lose(1).ndata(byAlias(1, MetricDataType.Double, 70.0));
    Decoded decoded = failing.decode(gap.topic(), gap.payload(), T0.plusSeconds(1));

    assertThat(decoded.facility()).hasSize(1);
    assertThat(failing.stats().rebirthRequestsFailed()).isEqualTo(1);
    assertThat(failing.stats().rebirthRequests()).isZero();
  }

  @Test
  void the_rebirth_command_is_one_true_boolean_metric() throws Exception {
    SparkplugBPayload command = new SparkplugBPayloadDecoder()
        .buildFromByteArray(RebirthCommand.payload(T0), null);

    Metric metric = command.getMetrics().get(0);
    assertThat(metric.getName()).isEqualTo(RebirthCommand.REBIRTH_METRIC);
    assertThat(metric.getValue()).isEqualTo(true);
    assertThat(command.getSeq()).isNull();
  }
}
