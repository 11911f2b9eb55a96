package dev.kelvin.agent.mqtt;

import dev.kelvin.core.wire.MqttEndpoint;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

/**
 * Why talking to the broker failed, in words a person can act on, and whether trying again
 * later can help.
 */
public record MqttFailure(Kind kind, String message) {
  /** The families of failure the agent treats differently. */
  public enum Kind {
    /** No broker answered: not running, wrong host or port, network down. Retry. */
    UNREACHABLE(true),
    /** The broker refused the login or the client id: a configuration error. */
    REFUSED(false),
    /** The connection dropped or was never up. Retry after reconnecting. */
    DISCONNECTED(true),
    /** Too many messages in flight. Retry shortly. */
    BUSY(true),
    /** The broker refused this one message (ACL, size); sending it again will not help. */
    MESSAGE_REFUSED(false),
    /** Anything else; treated as transient. */
    OTHER(true);

    private final boolean retriable;

    Kind(boolean retriable) {
      this.retriable = retriable;
    }
  }

  public MqttFailure {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** Whether the same operation may succeed later without a configuration change. */
  public boolean retriable() {
    return kind.retriable;
  }

  @Override
  public String toString() {
    return message;
  }

  /** Translates a Paho failure met while talking to {@code endpoint}. */
  static MqttFailure of(Throwable error, MqttEndpoint endpoint, String clientId) {
    if (!(error instanceof MqttException mqtt)) {
      return new MqttFailure(Kind.OTHER, "MQTT error with " + endpoint + ": " + error);
    }
    String broker = "the broker at " + endpoint.broker();
    return refusedConnect(mqtt.getReasonCode(), broker, endpoint, clientId)
        .orElseGet(() -> transport(mqtt, broker, clientId));
  }

  /** A CONNACK refusal; empty for any other code. */
  private static Optional<MqttFailure> refusedConnect(int code, String broker,
      MqttEndpoint endpoint, String clientId) {
    String login = broker + " refused the login of " + user(endpoint);
    String text;
    switch (code) {
      case MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD:
      case MqttReturnCode.RETURN_CODE_BAD_AUTHENTICATION:
      case MqttClientException.REASON_CODE_FAILED_AUTHENTICATION:
        text = login + " (reason " + code + "): check the MQTT username and password";
        break;
      case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED:
      case MqttClientException.REASON_CODE_NOT_AUTHORIZED:
        text = login + " for client " + clientId + " as not authorized (reason " + code
            + "): check the MQTT username and password (Mosquitto answers a wrong password"
            + " this way) and the broker's ACL for this user";
        break;
      case MqttReturnCode.RETURN_CODE_IDENTIFIER_NOT_VALID:
      case MqttClientException.REASON_CODE_INVALID_CLIENT_ID:
        text = broker + " rejected the client id " + clientId + " (reason " + code
            + "): the broker may limit client id length or characters";
        break;
      default:
        return Optional.empty();
    }
    return Optional.of(new MqttFailure(Kind.REFUSED, text));
  }

  private static MqttFailure transport(MqttException mqtt, String broker, String clientId) {
    int code = mqtt.getReasonCode();
    switch (code) {
      case MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR:
        return new MqttFailure(Kind.UNREACHABLE, "could not connect to " + broker + ": "
            + rootMessage(mqtt) + " (is the broker running, and are host and port right?)");
      case MqttClientException.REASON_CODE_CLIENT_TIMEOUT:
        return new MqttFailure(Kind.UNREACHABLE, broker + " did not answer in time"
            + " (a firewall dropping packets, or a broker that is overloaded?)");
      case MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER:
        return new MqttFailure(Kind.DISCONNECTED, "another client connected to " + broker
            + " with the same client id " + clientId + " and took over the session: are two"
            + " agents configured for the same node?");
      case MqttClientException.REASON_CODE_CONNECTION_LOST:
        return new MqttFailure(Kind.DISCONNECTED, "the connection to " + broker + " dropped ("
            + rootMessage(mqtt) + "): the broker stopped, or the network between failed");
      case MqttClientException.REASON_CODE_SERVER_DISCONNECTED:
      case MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED:
      case MqttClientException.REASON_CODE_CLIENT_DISCONNECTING:
      case MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS:
        return new MqttFailure(Kind.DISCONNECTED, "not connected to " + broker + ": "
            + rootMessage(mqtt));
      case MqttClientException.REASON_CODE_MAX_INFLIGHT:
        return new MqttFailure(Kind.BUSY, "too many messages in flight to " + broker
            + "; the next tick sends the rest");
      default:
        return code >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR && code < 256
            ? new MqttFailure(Kind.DISCONNECTED, broker + " closed the connection with reason "
                + code + ": " + rootMessage(mqtt))
            : new MqttFailure(Kind.OTHER, "MQTT error with " + broker + " (reason " + code
                + "): " + rootMessage(mqtt));
    }
  }

  /** A failure from a PUBACK or SUBACK reason code of 0x80 or above. */
  static MqttFailure refusedByBroker(String what, int reasonCode, MqttEndpoint endpoint) {
    String hint = switch (reasonCode) {
      case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED -> ": check the broker's ACL for this topic";
      case MqttReturnCode.RETURN_CODE_PACKET_TOO_LARGE -> ": the message is larger than the"
          + " broker accepts";
      case MqttReturnCode.RETURN_CODE_QUOTA_EXCEEDED -> ": the broker's quota for this client is"
          + " exhausted";
      default -> "";
    };
    return new MqttFailure(Kind.MESSAGE_REFUSED, "the broker at " + endpoint.broker()
        + " refused " + what + " with reason code " + reasonCode + hint);
  }

  private static String user(MqttEndpoint endpoint) {
    return endpoint.username().map(name -> "user '" + name + "'").orElse("an anonymous client");
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null || text.isBlank() ? root.getClass().getSimpleName() : text;
  }
}
