package dev.kelvin.telemetry.decode.sparkplug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.telemetry.decode.sparkplug.SparkplugTopic.MessageType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparkplugTopicTest {

  @Test
  void an_edge_node_topic_has_group_type_and_edge_node() {
    SparkplugTopic topic = SparkplugTopic.parse("spBv1.0", "spBv1.0/site-a/NDATA/gw1");

    assertThat(topic).isEqualTo(new SparkplugTopic("site-a", MessageType.NDATA, "gw1",
        Optional.empty()));
    assertThat(topic.nodeCommandTopic("spBv1.0")).isEqualTo("spBv1.0/site-a/NCMD/gw1");
  }

  @Test
  void a_device_topic_adds_the_device() {
    SparkplugTopic topic = SparkplugTopic.parse("spBv1.0", "spBv1.0/site-a/DDATA/gw1/ups-1");

    assertThat(topic.device()).contains("ups-1");
    assertThat(topic.type().isDeviceLevel()).isTrue();
    assertThat(topic.nodeCommandTopic("spBv1.0")).isEqualTo("spBv1.0/site-a/NCMD/gw1");
  }

  @Test
  void the_host_state_topic_of_sparkplug_3_is_recognised_and_ignored() {
    SparkplugTopic topic = SparkplugTopic.parse("spBv1.0", "spBv1.0/STATE/scada-1");

    assertThat(topic.type()).isEqualTo(MessageType.STATE);
    assertThat(topic.type().isIgnored()).isTrue();
  }

  @Test
  void a_configured_namespace_replaces_spBv1_0() {
    assertThat(SparkplugTopic.parse("plant", "plant/site-a/NBIRTH/gw1").type())
        .isEqualTo(MessageType.NBIRTH);
    assertThatThrownBy(() -> SparkplugTopic.parse("plant", "spBv1.0/site-a/NBIRTH/gw1"))
        .isInstanceOfSatisfying(ValidationException.class, refused ->
            assertThat(refused.reason()).isEqualTo(RejectReason.BAD_TOPIC));
  }

  @Test
  void the_message_says_what_is_wrong_and_what_is_expected() {
    assertThatThrownBy(() -> SparkplugTopic.parse("spBv1.0", "spBv1.0/site-a/NDATA/gw1/x"))
        .hasMessageContaining("NDATA is an edge node message")
        .hasMessageContaining("spBv1.0/{group}/{DBIRTH|DDATA|DDEATH}/{edge node}/{device}");
  }
}
