package dev.kelvin.actuators;

import dev.kelvin.core.testkit.TestServices;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.core.wire.Topics.Channel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A test peer acting as node agents: a plain Paho client that subscribes to every node's
 * {@code cmd} topic (QoS 2, retain as published, so the flags seen are the publisher's) and
 * answers each command on {@code cmd/ack} as its script says, or not at all. A script may also
 * publish acks on the ack topics of other nodes, in order, as a forger on the same broker would.
 */
final class ScriptedAgent implements AutoCloseable {
  /** One command as it arrived, with the flags it was delivered with. */
  record Received(String topic, NodeCommand command, int qos, boolean retained) {}

  /** An ack to publish on the ack topic of {@code node}. */
  record Reply(NodeId node, CommandAck ack) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final Topics topics;
  private final BiFunction<NodeId, NodeCommand, List<Reply>> script;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final MqttAsyncClient client;

  /** Answers each command on the ack topic of the node it was sent to, as {@code script} says. */
  ScriptedAgent(MqttEndpoint endpoint, Topics topics,
      Function<NodeCommand, Optional<CommandAck>> script) throws MqttException {
    this(endpoint, topics, (node, command) -> script.apply(command)
        .map(ack -> List.of(new Reply(node, ack))).orElse(List.of()));
  }

  /** Publishes the replies {@code script} gives for each command (to {@code node}), in order. */
  ScriptedAgent(MqttEndpoint endpoint, Topics topics,
      BiFunction<NodeId, NodeCommand, List<Reply>> script) throws MqttException {
    this.topics = topics;
    this.script = script;
    this.client = new MqttAsyncClient(endpoint.broker().toString(),
        TestServices.unique("it-act-agent"), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(endpoint.username().orElseThrow());
    options.setPassword(endpoint.password().orElseThrow().getBytes(StandardCharsets.UTF_8));
    client.connect(options).waitForCompletion(10_000);
    MqttSubscription commands = new MqttSubscription(topics.allNodes(Channel.COMMAND), 2);
    commands.setRetainAsPublished(true);
    // Paho 1.2.5 needs a subscription identifier to route to a per-subscription listener;
    // without one subscribe(subscription, listener) throws (eclipse-paho/paho.mqtt.java#826).
    MqttProperties properties = new MqttProperties();
    properties.setSubscriptionIdentifiers(List.of(1));
    IMqttToken subscribed = client.subscribe(new MqttSubscription[] {commands}, null, null,
        this::onCommand, properties);
    subscribed.waitForCompletion(10_000);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Publishes raw bytes at QoS 1, e.g. a malformed ack. */
  void publish(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 1, false).waitForCompletion(10_000);
  }

  private void onCommand(String topic, MqttMessage message) throws Exception {
    Map<String, Object> json = JSON.readValue(message.getPayload(), OBJECT);
    NodeCommand command = CommandWire.decodeCommand(json);
    received.add(new Received(topic, command, message.getQos(), message.isRetained()));
    NodeId node = topics.parseNode(topic).orElseThrow().node();
    for (Reply reply : script.apply(node, command)) {
      byte[] payload = JSON.writeValueAsBytes(CommandWire.encode(reply.ack()));
      client.publish(topics.nodeCommandAck(reply.node()), payload, 1, false);
    }
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(5_000);
    }
    client.close(true);
  }
}
