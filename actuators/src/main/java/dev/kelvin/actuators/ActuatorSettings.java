package dev.kelvin.actuators;

import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.access.ClientIds;
import java.time.Duration;
import java.util.Objects;

/**
 * How the MQTT command executor reaches the node agents: its MQTT session (a clean session:
 * nothing the executor sends or awaits outlives a connection), the topic layout, how long
 * it waits for an agent's acknowledgement before giving up, and how far ahead of this
 * controller's clock a node's clock may run (an ack's lease may end at most that much after
 * the asked lease, counted from the ack's arrival).
 */
public record ActuatorSettings(SessionSettings session, Topics topics, Duration ackTimeout,
    Duration maxClockSkew) {
  /** How long an agent gets to apply a setpoint, read it back and answer. */
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);
  /** The controller's command session: its client id is {@code <username>:commands}. */
  public static final String SESSION_NAME = "commands";
  /** The allowance telemetry gives a node's clock ({@code state.max_future_skew}). */
  public static final Duration DEFAULT_MAX_CLOCK_SKEW = StateSettings.defaults().maxFutureSkew();

  public ActuatorSettings {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    if (ackTimeout.isNegative() || ackTimeout.isZero()) {
      throw new IllegalArgumentException("ackTimeout must be a positive duration, was "
          + ackTimeout + " (how long to wait for a node agent's ack; 5 s is the default)");
    }
    if (ackTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("ackTimeout must be at most 10 minutes, was "
          + ackTimeout + " (seconds given as milliseconds?)");
    }
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("maxClockSkew must be >= 0, was " + maxClockSkew
          + " (how far a node's clock may run ahead of the controller's)");
    }
  }

  /** Settings with the default clock allowance. */
  public ActuatorSettings(SessionSettings session, Topics topics, Duration ackTimeout) {
    this(session, topics, ackTimeout, DEFAULT_MAX_CLOCK_SKEW);
  }

  /**
   * Default topics ({@code kelvin/v1}), a 5 s ack timeout and a clean session under the client
   * id derived from the login, {@code <username>:}{@value #SESSION_NAME}, so that a broker that
   * checks (the embedded one) lets no other identity take it.
   */
  public static ActuatorSettings defaults(MqttEndpoint endpoint) {
    return new ActuatorSettings(SessionSettings.clean(endpoint,
        ClientIds.of(endpoint.username(), SESSION_NAME)), Topics.defaults(), DEFAULT_ACK_TIMEOUT);
  }

  /** The same settings with another ack timeout. */
  public ActuatorSettings withAckTimeout(Duration timeout) {
    return new ActuatorSettings(session, topics, timeout, maxClockSkew);
  }

  public ActuatorSettings withTopics(Topics value) {
    return new ActuatorSettings(session, value, ackTimeout, maxClockSkew);
  }

  public ActuatorSettings withSession(SessionSettings value) {
    return new ActuatorSettings(value, topics, ackTimeout, maxClockSkew);
  }

  /** The same settings with another allowance for a node's clock running ahead. */
  public ActuatorSettings withMaxClockSkew(Duration value) {
    return new ActuatorSettings(session, topics, ackTimeout, value);
  }
}
