package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.Topics.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {
  private final Topics topics = Topics.defaults();
  private final NodeId n07 = NodeId.of("site-a", "n07");

  @Test
  void builds_the_documented_topics() {
    assertThat(topics.nodeTelemetry(n07)).isEqualTo("kelvin/v1/site-a/node/n07/telemetry");
    assertThat(topics.nodeCommandAck(n07)).isEqualTo("kelvin/v1/site-a/node/n07/cmd/ack");
    assertThat(topics.allNodes(Channel.TELEMETRY)).isEqualTo("kelvin/v1/+/node/+/telemetry");
    assertThat(topics.controllerStatus()).isEqualTo("kelvin/v1/controller/status");
  }

  @Test
  void parses_site_batch_and_facility_topics() {
    assertThat(topics.parseSite("kelvin/v1/site-a/telemetry"))
        .contains(new Topics.SiteTopic(dev.kelvin.core.model.SiteId.of("site-a"),
            java.util.Optional.empty()));
    Topics.SiteTopic crac = topics.parseSite("kelvin/v1/site-a/facility/crac-1").orElseThrow();
    assertThat(crac.facility()).isTrue();
    assertThat(crac.sensor().orElseThrow().value()).isEqualTo("crac-1");
    assertThat(topics.allSiteTelemetry()).isEqualTo("kelvin/v1/+/telemetry");
    assertThat(topics.allFacility()).isEqualTo("kelvin/v1/+/facility/+");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kelvin/v1/site-a/facility", "kelvin/v1/site-a/facility/a/b",
      "kelvin/v1/s a/telemetry", "kelvin/v1/site-a/node/n07/telemetry", "other/site-a/telemetry",
      "kelvin/v1/site-a/facility/bad+name"})
  void site_topics_off_the_layout_parse_to_nothing(String topic) {
    assertThat(topics.parseSite(topic)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Channel.class)
  void parses_back_every_node_channel(Channel channel) {
    assertThat(topics.parseNode(topics.node(n07, channel)))
        .contains(new Topics.NodeTopic(n07, channel));
  }

  @ParameterizedTest
  @ValueSource(strings = {"other/v1/site-a/node/n07/telemetry", "kelvin/v1/site-a/rack/n07/telemetry",
      "kelvin/v1/site-a/node/n07/power", "kelvin/v1/site-a/node/n07", "kelvin/v1/s a/node/n07/telemetry",
      "kelvin/v1/site-a/node//telemetry"})
  void refuses_topics_off_the_layout(String topic) {
    assertThat(topics.parseNode(topic)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/kelvin", "kelvin/", "kelvin/+", "a//b"})
  void refuses_prefixes_that_would_break_filters(String prefix) {
    assertThatThrownBy(() -> new Topics(prefix)).hasMessageContaining("prefix");
  }
}
