package dev.kelvin.agent;

import dev.kelvin.agent.mqtt.MqttFailure;
import dev.kelvin.agent.mqtt.MqttLink;
import dev.kelvin.core.ingest.PerKeyThrottle;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node agent's MQTT session: the link with its Last Will, the {@code online} status and the
 * command subscription renewed on every connect, acks for commands, reconnects on the agent's
 * own clock, and the telemetry outbox that goes offline and online with the link.
 */
final class AgentConnection {
  private static final Logger LOG = LoggerFactory.getLogger(AgentConnection.class);
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";
  private static final int TELEMETRY_WINDOW = 8;
  private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(6);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(30);

  private final AgentSettings settings;
  private final Topics topics;
  private final NodeId node;
  private final InstantSource clock;
  private final CommandHandler commands;
  private final MqttLink link;
  private final TelemetryOutbox outbox;
  private final ReconnectSchedule reconnects;
  private final PerKeyThrottle warnings;
  private volatile boolean reporting;
  private volatile boolean closed;

  AgentConnection(AgentSettings settings, NodeId node, InstantSource clock,
      CommandHandler commands, PerKeyThrottle warnings) {
    this.settings = settings;
    this.topics = settings.topics();
    this.node = node;
    this.clock = clock;
    this.commands = commands;
    this.warnings = warnings;
    this.link = new MqttLink(settings.endpoint(), clientId(node), topics.nodeStatus(node),
        OFFLINE, new Events());
    this.outbox = new TelemetryOutbox(topics.nodeTelemetry(node),
        (topic, payload, done) -> link.publish(topic, payload, false, done),
        settings.backlogCapacity(), TELEMETRY_WINDOW, clock);
    Duration first = settings.publishInterval();
    this.reconnects = new ReconnectSchedule(first,
        first.compareTo(MAX_RECONNECT_DELAY) > 0 ? first : MAX_RECONNECT_DELAY);
  }

  static String clientId(NodeId node) {
    return "kelvin-agent-" + node.site().value() + "-" + node.name();
  }

  TelemetryOutbox outbox() {
    return outbox;
  }

  boolean isConnected() {
    return link.isConnected();
  }

  /** The first connect, waited for: empty once connected, else why not. */
  Optional<MqttFailure> open() {
    return link.connectAndWait(FIRST_CONNECT_WAIT);
  }

  /** From now on connection trouble is the background's to report, in the log. */
  void reportInBackground() {
    reporting = true;
  }

  /** Reconnects when due and sends waiting telemetry; never waits for the broker. */
  void tick(Instant now) {
    if (!link.isConnected() && reconnects.startIfDue(now) && !link.connect()) {
      reconnects.failed(now);
    }
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
    if (link.isConnected()) {
      link.publishAndWait(topics.nodeStatus(node), OFFLINE, true, CLOSE_WAIT)
          .ifPresent(failure -> LOG.warn("{}: could not publish {}: {}; the broker's Last Will"
              + " says so instead", node, OFFLINE, failure.message()));
    }
    link.close(CLOSE_WAIT);
    return outbox.close();
  }

  private void publishAck(byte[] payload, String commandId) {
    link.publish(topics.nodeCommandAck(node), payload, false, outcome -> outcome.ifPresent(
        failure -> LOG.warn("{}: the ack of command {} was not delivered: {}", node, commandId,
            failure.message())))
        .ifPresent(failure -> LOG.warn("{}: could not send the ack of command {}: {}", node,
            commandId, failure.message()));
  }

  /** The link's events, on Paho's threads. */
  private final class Events implements MqttLink.Listener {
    @Override
    public void connected() {
      reconnects.succeeded();
      link.subscribe(topics.nodeCommand(node));
      link.publish(topics.nodeStatus(node), ONLINE.getBytes(StandardCharsets.UTF_8), true,
          outcome -> outcome.ifPresent(failure -> LOG.warn("{}: could not publish {}: {}",
              node, ONLINE, failure.message())));
      outbox.online();
      LOG.info("{}: connected to {} as {}; {} reading(s) waiting", node, settings.endpoint(),
          link.clientId(), outbox.size());
      outbox.drain();
    }

    @Override
    public void connectFailed(MqttFailure failure) {
      Duration retry = reconnects.failed(clock.instant());
      if (reporting && !closed && warnings.allow("connect")) {
        LOG.warn("{}: {}; retrying in {} s, keeping readings meanwhile ({} waiting)", node,
            failure.message(), retry.toMillis() / 1000.0, outbox.size());
      }
    }

    @Override
    public void connectionLost(MqttFailure failure) {
      outbox.offline();
      reconnects.lost(clock.instant());
      if (!closed) {
        LOG.warn("{}: lost the broker connection: {}; reconnecting, readings wait meanwhile",
            node, failure.message());
      }
    }

    @Override
    public void messageArrived(String topic, byte[] payload) {
      if (!topic.equals(topics.nodeCommand(node))) {
        LOG.debug("{}: ignoring a message on {}", node, topic);
        return;
      }
      commands.handle(payload).ifPresent(ack ->
          publishAck(Json.write(CommandWire.encode(ack)), ack.id()));
    }
  }
}
