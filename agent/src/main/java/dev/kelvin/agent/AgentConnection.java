package dev.kelvin.agent;

import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttSessionException;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.SessionListener;
import dev.kelvin.mqtt.SessionStats;
import dev.kelvin.mqtt.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node agent's MQTT session: the {@code online} status and the command subscription on every
 * connect, the {@code offline} Last Will, acks for commands, and the telemetry outbox that goes
 * offline and online with the connection. Reconnects are the session's (on the agent's
 * scheduler).
 */
final class AgentConnection {
  private static final Logger LOG = LoggerFactory.getLogger(AgentConnection.class);
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";
  private static final int TELEMETRY_WINDOW = 8;

  private final AgentSettings settings;
  private final Topics topics;
  private final NodeId node;
  private final CommandHandler commands;
  private final MqttSession session;
  private final TelemetryOutbox outbox;
  private final PerKeyThrottle warnings;
  private volatile boolean closed;

  AgentConnection(AgentSettings settings, NodeId node, MqttTransport transport,
      Scheduler scheduler, CommandHandler commands, PerKeyThrottle warnings) {
    this.settings = settings;
    this.topics = settings.topics();
    this.node = node;
    this.commands = commands;
    this.warnings = warnings;
    this.session = transport.session(settings.session(node), scheduler, new Events());
    this.outbox = new TelemetryOutbox(topics.nodeTelemetry(node),
        (topic, payload, done) -> session.publish(topic, payload, false, done),
        settings.backlogCapacity(), TELEMETRY_WINDOW, scheduler.clock());
  }

  TelemetryOutbox outbox() {
    return outbox;
  }

  boolean isConnected() {
    return session.connected();
  }

  SessionStats stats() {
    return session.stats();
  }

  String clientId() {
    return session.clientId();
  }

  /**
   * Subscribes to the node's commands and connects: empty once connected, else why not yet
   * (the session then keeps trying, unless the settings require the broker at start).
   *
   * @throws MqttSessionException when the broker refused, or could not be reached and the
   *     settings require it
   */
  Optional<MqttFailure> open() {
    session.subscribe(topics.nodeCommand(node));
    if (settings.requireBrokerAtStart()) {
      session.open();
      return Optional.empty();
    }
    return session.openOrKeepTrying();
  }

  /** Sends waiting telemetry; never waits for the broker. */
  void tick() {
    outbox.drain();
  }

  /**
   * Publishes {@code offline} (when connected) and disconnects cleanly, so the broker keeps
   * that status rather than firing the Last Will.
   *
   * @return readings never acknowledged, now counted as dropped
   */
  int close() {
    closed = true;
    if (session.connected()) {
      session.publish(topics.nodeStatus(node), bytes(OFFLINE), true, outcome ->
          outcome.ifPresent(failure -> LOG.warn("{}: could not publish {}: {}; the broker's"
              + " Last Will says so instead", node, OFFLINE, failure.message())));
    }
    session.close();
    return outbox.close();
  }

  private void publishAck(byte[] payload, String commandId) {
    session.publish(topics.nodeCommandAck(node), payload, false, outcome -> outcome.ifPresent(
        failure -> LOG.warn("{}: the ack of command {} was not delivered: {}", node, commandId,
            failure.message())))
        .ifPresent(failure -> LOG.warn("{}: could not send the ack of command {}: {}", node,
            commandId, failure.message()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The session's events, on its delivery thread. */
  private final class Events implements SessionListener {
    @Override
    public void connected(boolean reconnect) {
      session.publish(topics.nodeStatus(node), bytes(ONLINE), true, outcome -> outcome.ifPresent(
          failure -> LOG.warn("{}: could not publish {}: {}", node, ONLINE, failure.message())));
      outbox.online();
      LOG.info("{}: connected to {} as {}; {} reading(s) waiting", node, settings.endpoint(),
          session.clientId(), outbox.size());
      outbox.drain();
    }

    @Override
    public void connectionLost(MqttFailure failure) {
      outbox.offline();
      if (!closed && warnings.allow("lost")) {
        LOG.warn("{}: lost the broker connection: {}; reconnecting, readings wait meanwhile",
            node, failure.message());
      }
    }

    @Override
    public void message(String topic, byte[] payload) {
      if (!topic.equals(topics.nodeCommand(node))) {
        LOG.debug("{}: ignoring a message on {}", node, topic);
        return;
      }
      commands.handle(payload).ifPresent(ack ->
          publishAck(StrictJson.write(CommandWire.encode(ack)), ack.id()));
    }
  }
}
