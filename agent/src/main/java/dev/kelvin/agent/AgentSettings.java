package dev.kelvin.agent;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.ReconnectPacing;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.access.ClientIds;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link NodeAgent} talks to the broker and paces itself.
 *
 * @param endpoint the MQTT broker, login and TLS
 * @param topics the topic layout (prefix {@code kelvin/v1} by default)
 * @param publishInterval how often the agent samples and publishes telemetry, and checks its
 *     leases (1 s by default)
 * @param maxLease the longest lease a command may ask for (10 min by default); longer ones are
 *     rejected, so a controller bug cannot pin a node for hours
 * @param maxClockSkew how far the controller's clock may be from this node's (5 s by default,
 *     as far as the controller lets a reading's time run ahead of its own clock): a command
 *     issued further ahead, or longer ago than its lease plus this, is rejected, and no command
 *     holds up the controller's next for longer (see {@code IssueTimes} in the lease package)
 * @param requireBrokerAtStart whether a broker it cannot reach at start stops the start (true)
 *     or the agent runs on, keeps its readings and connects when it can (false: for nodes that
 *     may boot before the broker, as after a site-wide power cut)
 * @param session the MQTT session's keep alive, connect timeout and reconnect pacing
 */
public record AgentSettings(MqttEndpoint endpoint, Topics topics, Duration publishInterval,
    Duration maxLease, Duration maxClockSkew, boolean requireBrokerAtStart, Timing session) {

  /** How the agent's MQTT session keeps alive, connects and paces its reconnects. */
  public record Timing(Duration keepAlive, Duration connectTimeout, ReconnectPacing reconnect) {
    public Timing {
      Objects.requireNonNull(keepAlive, "keepAlive");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(reconnect, "reconnect");
    }

    /** A 30 s keep alive, a 10 s connect timeout, reconnects from 1 s doubling to 30 s. */
    public static Timing defaults() {
      return new Timing(Duration.ofSeconds(30), Duration.ofSeconds(10),
          ReconnectPacing.defaults());
    }
  }

  /** How long a broker outage the telemetry backlog bridges without losing readings. */
  public static final Duration BACKLOG_SPAN = Duration.ofHours(1);
  private static final Duration MIN_INTERVAL = Duration.ofMillis(10);
  private static final int MAX_BACKLOG = 36_000;
  private static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(5);

  public AgentSettings {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(publishInterval, "publishInterval");
    Objects.requireNonNull(maxLease, "maxLease");
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    Objects.requireNonNull(session, "session");
    if (publishInterval.compareTo(MIN_INTERVAL) < 0) {
      throw new IllegalArgumentException("publishInterval must be at least " + MIN_INTERVAL
          + ", was " + publishInterval + " (a value in seconds given as milliseconds?)");
    }
    if (maxLease.isNegative() || maxLease.isZero()) {
      throw new IllegalArgumentException("maxLease must be a positive duration, was " + maxLease
          + ": with no lease allowed the agent would reject every command");
    }
    if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
      throw new IllegalArgumentException("maxClockSkew must be a positive duration, was "
          + maxClockSkew + ": with no skew allowed, a controller clock a millisecond ahead would"
          + " have every command rejected");
    }
    if (maxClockSkew.compareTo(maxLease) > 0) {
      throw new IllegalArgumentException("maxClockSkew " + maxClockSkew + " is longer than"
          + " maxLease " + maxLease + ": one command stamped ahead could then hold up the"
          + " controller's next for longer than any lease lasts; keep clocks in sync (NTP) and"
          + " the skew to seconds");
    }
  }

  /**
   * Publish every second, leases of up to 10 minutes, clocks within 5 s, topics under
   * {@code kelvin/v1}, run on when the broker is away at start, the default session timing.
   */
  public static AgentSettings defaults(MqttEndpoint endpoint) {
    return new AgentSettings(endpoint, Topics.defaults(), Duration.ofSeconds(1),
        Duration.ofMinutes(10), DEFAULT_CLOCK_SKEW, false, Timing.defaults());
  }

  public AgentSettings withTopics(Topics newTopics) {
    return new AgentSettings(endpoint, newTopics, publishInterval, maxLease, maxClockSkew,
        requireBrokerAtStart, session);
  }

  public AgentSettings withPublishInterval(Duration newInterval) {
    return new AgentSettings(endpoint, topics, newInterval, maxLease, maxClockSkew,
        requireBrokerAtStart, session);
  }

  public AgentSettings withMaxLease(Duration newMaxLease) {
    return new AgentSettings(endpoint, topics, publishInterval, newMaxLease, maxClockSkew,
        requireBrokerAtStart, session);
  }

  public AgentSettings withMaxClockSkew(Duration newSkew) {
    return new AgentSettings(endpoint, topics, publishInterval, maxLease, newSkew,
        requireBrokerAtStart, session);
  }

  public AgentSettings withSession(Timing value) {
    return new AgentSettings(endpoint, topics, publishInterval, maxLease, maxClockSkew,
        requireBrokerAtStart, value);
  }

  public AgentSettings withRequireBrokerAtStart(boolean value) {
    return new AgentSettings(endpoint, topics, publishInterval, maxLease, maxClockSkew, value,
        session);
  }

  /**
   * How many readings the backlog keeps while the broker is away: {@link #BACKLOG_SPAN} worth
   * at {@code publishInterval} (3,600 at 1 Hz), at most 36,000.
   */
  public int backlogCapacity() {
    long readings = BACKLOG_SPAN.toNanos() / publishInterval.toNanos();
    return (int) Math.max(1, Math.min(MAX_BACKLOG, readings));
  }

  /**
   * The client id of the agent of {@code node}, derived from the login:
   * {@code <username>:agent:<site>:<node>}, so that a broker that checks (the embedded one)
   * lets no other identity take the agent's session.
   */
  public String clientId(NodeId node) {
    return ClientIds.of(endpoint.username(), "agent:" + node.site().value() + ":" + node.name());
  }

  /**
   * The agent's MQTT session: clean (commands queued while it was away are not applied late;
   * the controller renews what it still wants), its status topic's {@code offline} as a
   * retained Last Will, and the {@link #session()} timing.
   */
  SessionSettings session(NodeId node) {
    return new SessionSettings(endpoint, clientId(node), Duration.ZERO, java.util.Optional.of(
        new SessionSettings.Will(topics.nodeStatus(node), AgentConnection.OFFLINE, true)),
        session.reconnect(), session.keepAlive(), session.connectTimeout());
  }
}
