package dev.kelvin.mqtt.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.wire.Topics;
import org.junit.jupiter.api.Test;

/** Who may publish and subscribe to what, role by role. */
class AccessModelTest {
  private static final NodeId N01 = NodeId.of("site-a", "n01");
  private static final NodeId N02 = NodeId.of("site-a", "n02");
  private final Topics topics = Topics.defaults();
  private final AccessModel model = new AccessModel(topics);
  private final Role controller = new Role.Controller();
  private final Role agent = new Role.Agent(N01);

  @Test
  void only_the_controller_publishes_commands() {
    assertThat(model.mayPublish(controller, topics.nodeCommand(N01))).isTrue();
    assertThat(model.mayPublish(agent, topics.nodeCommand(N01))).isFalse();
    assertThat(model.mayPublish(new Role.Watcher(), topics.nodeCommand(N01))).isFalse();
    assertThat(model.mayPublish(new Role.Gateway(new SiteId("site-a")),
        topics.nodeCommand(N01))).isFalse();
  }

  @Test
  void an_agent_publishes_telemetry_status_and_acks_of_its_own_node_only() {
    assertThat(model.mayPublish(agent, topics.nodeTelemetry(N01))).isTrue();
    assertThat(model.mayPublish(agent, topics.nodeStatus(N01))).isTrue();
    assertThat(model.mayPublish(agent, topics.nodeCommandAck(N01))).isTrue();
    assertThat(model.mayPublish(agent, topics.nodeTelemetry(N02))).isFalse();
    assertThat(model.mayPublish(agent, topics.nodeCommandAck(N02))).isFalse();
    assertThat(model.mayPublish(agent, topics.controllerStatus())).isFalse();
  }

  @Test
  void an_agent_reads_its_own_commands_and_cannot_widen_the_subscription() {
    assertThat(model.maySubscribe(agent, topics.nodeCommand(N01))).isTrue();
    assertThat(model.maySubscribe(agent, topics.nodeCommand(N02))).isFalse();
    assertThat(model.maySubscribe(agent, "kelvin/v1/+/node/+/cmd")).isFalse();
    assertThat(model.maySubscribe(agent, "#")).isFalse();
    assertThat(model.maySubscribe(agent, topics.nodeTelemetry(N02))).isFalse();
  }

  @Test
  void the_controller_reads_every_nodes_telemetry_status_acks_and_the_facility() {
    assertThat(model.maySubscribe(controller, "kelvin/v1/+/node/+/telemetry")).isTrue();
    assertThat(model.maySubscribe(controller, "kelvin/v1/+/node/+/status")).isTrue();
    assertThat(model.maySubscribe(controller, "kelvin/v1/+/node/+/cmd/ack")).isTrue();
    assertThat(model.maySubscribe(controller, "kelvin/v1/+/facility/#")).isTrue();
    assertThat(model.maySubscribe(controller, "kelvin/v1/+/node/+/cmd")).isFalse();
    assertThat(model.mayPublish(controller, topics.nodeTelemetry(N01))).isFalse();
    assertThat(model.mayPublish(controller, topics.nodeCommandAck(N01))).isFalse();
  }

  @Test
  void a_gateway_publishes_its_own_sites_facility_sensors_only() {
    Role gateway = new Role.Gateway(new SiteId("site-a"));

    assertThat(model.mayPublish(gateway, "kelvin/v1/site-a/facility/crac-1")).isTrue();
    assertThat(model.mayPublish(gateway, "kelvin/v1/site-b/facility/crac-1")).isFalse();
    assertThat(model.mayPublish(gateway, topics.nodeTelemetry(N01))).isFalse();
  }

  @Test
  void a_watcher_reads_everything_under_the_prefix_and_publishes_nothing() {
    Role watcher = new Role.Watcher();

    assertThat(model.maySubscribe(watcher, "kelvin/v1/#")).isTrue();
    assertThat(model.maySubscribe(watcher, "#")).isFalse();
    assertThat(model.mayPublish(watcher, topics.nodeTelemetry(N01))).isFalse();
    assertThat(model.mayPublish(watcher, topics.controllerStatus())).isFalse();
  }

  @Test
  void grants_follow_the_configured_prefix() {
    AccessModel other = new AccessModel(new Topics("lab/kelvin"));

    assertThat(other.mayPublish(controller, "lab/kelvin/site-a/node/n01/cmd")).isTrue();
    assertThat(other.mayPublish(controller, "kelvin/v1/site-a/node/n01/cmd")).isFalse();
  }

  @Test
  void retained_messages_are_allowed_on_ones_own_status_topic_only() {
    assertThat(model.mayRetain(agent, topics.nodeStatus(N01))).isTrue();
    assertThat(model.mayRetain(agent, topics.nodeTelemetry(N01))).isFalse();
    assertThat(model.mayRetain(agent, topics.nodeStatus(N02))).isFalse();
    assertThat(model.mayRetain(controller, topics.controllerStatus())).isTrue();
    assertThat(model.mayRetain(controller, topics.nodeCommand(N01))).isFalse();
    assertThat(model.mayRetain(new Role.Gateway(new SiteId("site-a")),
        "kelvin/v1/site-a/facility/crac-1")).isFalse();
  }
}
