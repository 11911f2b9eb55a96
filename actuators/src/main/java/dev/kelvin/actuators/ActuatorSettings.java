package dev.kelvin.actuators;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.access.ClientIds;
import java.time.Duration;
import java.util.Objects;

/**
 * How the MQTT command executor reaches the node agents: its MQTT session (a clean session:
 * nothing the executor sends or awaits outlives a connection), the topic layout, and how long
 * it waits for an agent's acknowledgement before giving up.
 */
public record ActuatorSettings(SessionSettings session, Topics topics, Duration ackTimeout) {
  /** How long an agent gets to apply a setpoint, read it back and answer. */
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);
  /** The controller's command session: its client id is {@code <username>:commands}. */
  public static final String SESSION_NAME = "commands";

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
    return new ActuatorSettings(session, topics, timeout);
  }

  public ActuatorSettings withTopics(Topics value) {
    return new ActuatorSettings(session, value, ackTimeout);
  }

  public ActuatorSettings withSession(SessionSettings value) {
    return new ActuatorSettings(value, topics, ackTimeout);
  }
}
