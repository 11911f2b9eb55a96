package dev.kelvin.mqtt.access;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.core.wire.Topics.Channel;
import dev.kelvin.mqtt.TopicFilter;
import dev.kelvin.mqtt.access.Grant.Activity;
import java.util.List;
import java.util.Objects;

/**
 * The topics each role may publish and subscribe to under a topic prefix; everything else is
 * denied. Only the controller publishes commands; only a node's own agent publishes that node's
 * telemetry, status and acks and reads its commands; a gateway publishes only its site's
 * facility sensors and batches of its site's node telemetry; a watcher only reads.
 */
public final class AccessModel {
  private final Topics topics;

  public AccessModel(Topics topics) {
    this.topics = Objects.requireNonNull(topics, "topics");
  }

  public Topics topics() {
    return topics;
  }

  /** Every grant of {@code role}. */
  public List<Grant> grants(Role role) {
    Objects.requireNonNull(role, "role");
    if (role instanceof Role.Agent agent) {
      return agentGrants(agent.node());
    }
    if (role instanceof Role.Gateway gateway) {
      return List.of(Grant.publish(topics.prefix() + "/" + gateway.site() + "/facility/#"),
          Grant.publish(topics.siteTelemetry(gateway.site())));
    }
    if (role instanceof Role.Watcher) {
      return List.of(Grant.subscribe(topics.prefix() + "/#"));
    }
    return List.of(
        Grant.publish(topics.allNodes(Channel.COMMAND)),
        Grant.publish(topics.controllerStatus()),
        Grant.subscribe(topics.allNodes(Channel.TELEMETRY)),
        Grant.subscribe(topics.allSiteTelemetry()),
        Grant.subscribe(topics.allNodes(Channel.STATUS)),
        Grant.subscribe(topics.allNodes(Channel.COMMAND_ACK)),
        Grant.subscribe(topics.prefix() + "/+/facility/#"));
  }

  private List<Grant> agentGrants(NodeId node) {
    return List.of(
        Grant.publish(topics.nodeTelemetry(node)),
        Grant.publish(topics.nodeStatus(node)),
        Grant.publish(topics.nodeCommandAck(node)),
        Grant.subscribe(topics.nodeCommand(node)));
  }

  /** Whether {@code role} may publish to {@code topic}. */
  public boolean mayPublish(Role role, String topic) {
    return grants(role).stream().anyMatch(grant -> grant.activity() == Activity.PUBLISH
        && TopicFilter.matches(grant.topicFilter(), topic));
  }

  /**
   * Whether {@code role} may publish a retained message to {@code topic}: only on status topics
   * (a node's own, the controller's), so the retained store holds at most one message per
   * identity however much a client sends.
   */
  public boolean mayRetain(Role role, String topic) {
    boolean status = topic.equals(topics.controllerStatus()) || topics.parseNode(topic)
        .filter(node -> node.channel() == Channel.STATUS).isPresent();
    return status && mayPublish(role, topic);
  }

  /** Whether {@code role} may subscribe to {@code filter}: a grant must cover all of it. */
  public boolean maySubscribe(Role role, String filter) {
    return grants(role).stream().anyMatch(grant -> grant.activity() == Activity.SUBSCRIBE
        && TopicFilter.covers(grant.topicFilter(), filter));
  }
}
