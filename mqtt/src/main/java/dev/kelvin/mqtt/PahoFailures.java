package dev.kelvin.mqtt;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.MqttFailure.Kind;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;

/**
 * The one translator of Paho's exceptions and MQTT 5 reason codes (CONNACK, SUBACK, PUBACK,
 * DISCONNECT) into {@link MqttFailure}s that name the broker and a likely cause. Nothing else
 * in Kelvin reads a Paho reason code.
 */
final class PahoFailures {
  private PahoFailures() {}

  /** A failure thrown by Paho, or reported to an action listener, while talking to a broker. */
  static MqttFailure of(Throwable error, MqttEndpoint endpoint, String clientId) {
    if (!(error instanceof MqttException mqtt)) {
      return new MqttFailure(Kind.OTHER, "MQTT error with " + endpoint + ": " + error);
    }
    String broker = "the broker at " + endpoint.broker();
    return refusedConnect(mqtt, broker, endpoint, clientId)
        .orElseGet(() -> transport(mqtt, broker, clientId));
  }

  /** A refusal in a SUBACK or PUBACK: the first reason code of 0x80 or above, if any. */
  static Optional<MqttFailure> refusal(int[] reasonCodes, String what, MqttEndpoint endpoint) {
    if (reasonCodes != null) {
      for (int code : reasonCodes) {
        if (code >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR) {
          return Optional.of(refusedByBroker(what, code, endpoint));
        }
      }
    }
    return Optional.empty();
  }

  /** A DISCONNECT from the broker that carried a reason code and no exception. */
  static MqttFailure disconnected(MqttEndpoint endpoint, int code, String reason) {
    if (code == MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER) {
      return takenOver("the broker at " + endpoint.broker());
    }
    return new MqttFailure(Kind.DISCONNECTED, "the broker at " + endpoint.broker()
        + " disconnected this client with reason code " + code
        + (reason == null ? "" : ": " + reason));
  }

  /** Another client took this one's session over: one identity used twice. */
  static MqttFailure takenOver(String broker) {
    return new MqttFailure(Kind.TAKEN_OVER, "another client connected to " + broker
        + " with the same client id and took the session over: a second process with this"
        + " identity, or a client that copied the id (a broker that does not tie client ids to"
        + " logins allows that; see docs/security.md); reconnecting only at the slowest pace");
  }

  private static Optional<MqttFailure> refusedConnect(MqttException mqtt, String broker,
      MqttEndpoint endpoint, String clientId) {
    int code = mqtt.getReasonCode();
    String login = broker + " refused the login of " + user(endpoint) + " (reason code " + code
        + ")";
    String text = switch (code) {
      case MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD,
          MqttReturnCode.RETURN_CODE_BAD_AUTHENTICATION,
          MqttClientException.REASON_CODE_FAILED_AUTHENTICATION ->
          login + ": check the MQTT username and password";
      case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED,
          MqttClientException.REASON_CODE_NOT_AUTHORIZED -> login + " for client " + clientId
          + " as not authorised: check the username and password (Mosquitto answers a wrong"
          + " password this way) and the broker's ACL for this user";
      case MqttReturnCode.RETURN_CODE_BANNED -> login + ": this client is banned";
      case MqttClientException.REASON_CODE_SSL_CONFIG_ERROR,
          MqttClientException.REASON_CODE_SOCKET_FACTORY_MISMATCH -> "the TLS settings for "
          + broker + " do not work (reason code " + code + ": " + rootMessage(mqtt) + "):"
          + " an ssl:// address needs TLS, a tcp:// address none";
      case MqttReturnCode.RETURN_CODE_IDENTIFIER_NOT_VALID,
          MqttClientException.REASON_CODE_INVALID_CLIENT_ID -> broker + " refused the client id "
          + clientId + " (reason code " + code + "): the broker may limit its length or"
          + " characters";
      default -> null;
    };
    // Paho reports every I/O failure of an established connection, TLS ones included, as
    // CONNECTION_LOST: only an SSLException raised while connecting is a refused handshake.
    if (text == null && code != MqttClientException.REASON_CODE_CONNECTION_LOST
        && mqtt.getCause() instanceof SSLException tls) {
      text = "the TLS handshake with " + broker + " failed (" + rootMessage(tls) + "): check"
          + " the CA file, the client certificate and that the port speaks TLS";
    }
    return Optional.ofNullable(text).map(message -> new MqttFailure(Kind.REFUSED, message));
  }

  private static MqttFailure transport(MqttException mqtt, String broker, String clientId) {
    int code = mqtt.getReasonCode();
    Throwable cause = mqtt.getCause();
    if (cause instanceof UnknownHostException) {
      return new MqttFailure(Kind.UNREACHABLE, broker + " is an unknown host: check the"
          + " broker address");
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
        || code == MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR
        || code == MqttReturnCode.RETURN_CODE_SERVER_UNAVAILABLE) {
      return new MqttFailure(Kind.UNREACHABLE, "could not connect to " + broker + ": "
          + rootMessage(mqtt) + " (is the broker running, and are host and port right?)");
    }
    if (cause instanceof SocketTimeoutException
        || code == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
      return new MqttFailure(Kind.UNREACHABLE, broker + " did not answer in time (a firewall"
          + " dropping packets, or an overloaded broker?)");
    }
    return switch (code) {
      case MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER -> takenOver(broker);
      case MqttClientException.REASON_CODE_CONNECTION_LOST -> new MqttFailure(Kind.DISCONNECTED,
          "the connection to " + broker + " dropped (" + rootMessage(mqtt) + "): the broker"
              + " stopped, or the network between failed");
      case MqttClientException.REASON_CODE_SERVER_DISCONNECTED,
          MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED,
          MqttClientException.REASON_CODE_CLIENT_DISCONNECTING,
          MqttClientException.REASON_CODE_CLIENT_CLOSED,
          MqttClientException.REASON_CODE_CONNECT_IN_PROGRESS ->
          new MqttFailure(Kind.DISCONNECTED, "not connected to " + broker + ": "
              + rootMessage(mqtt));
      case MqttClientException.REASON_CODE_MAX_INFLIGHT -> new MqttFailure(Kind.BUSY,
          "too many messages in flight to " + broker + " (its receive maximum); sent later");
      default -> code >= MqttReturnCode.RETURN_CODE_UNSPECIFIED_ERROR && code < 256
          ? new MqttFailure(Kind.DISCONNECTED, broker + " closed the connection with reason"
              + " code " + code + ": " + rootMessage(mqtt))
          : new MqttFailure(Kind.OTHER, "MQTT error with " + broker + " (reason code " + code
              + "): " + rootMessage(mqtt));
    };
  }

  private static MqttFailure refusedByBroker(String what, int code, MqttEndpoint endpoint) {
    String hint = switch (code) {
      case MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED -> ": not authorised by the broker's ACL"
          + " for " + user(endpoint);
      case MqttReturnCode.RETURN_CODE_PACKET_TOO_LARGE -> ": larger than the broker accepts";
      case MqttReturnCode.RETURN_CODE_QUOTA_EXCEEDED -> ": the broker's quota for this client is"
          + " exhausted";
      case MqttReturnCode.RETURN_CODE_TOPIC_FILTER_NOT_VALID,
          MqttReturnCode.RETURN_CODE_TOPIC_NAME_INVALID -> ": the broker does not accept that"
          + " topic";
      default -> "";
    };
    return new MqttFailure(Kind.MESSAGE_REFUSED, "the broker at " + endpoint.broker()
        + " refused " + what + " with reason code 0x" + Integer.toHexString(code) + hint);
  }

  private static String user(MqttEndpoint endpoint) {
    return endpoint.username().map(name -> "user '" + name + "'").orElse("an anonymous client");
  }

  static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage();
    return text == null || text.isBlank() ? root.getClass().getSimpleName() : text;
  }
}
