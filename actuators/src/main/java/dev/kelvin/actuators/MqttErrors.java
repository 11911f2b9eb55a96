package dev.kelvin.actuators;

import dev.kelvin.core.wire.MqttEndpoint;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * Turns Paho's exceptions and MQTT 5 reason codes into {@link ActuatorException}s that name the
 * broker and a likely cause, so that a log line tells an operator what to fix.
 */
final class MqttErrors {
  private static final int BAD_USERNAME_OR_PASSWORD = 134;
  private static final int NOT_AUTHORIZED = 135;

  private MqttErrors() {}

  static ActuatorException connectFailed(ActuatorSettings settings, MqttException e) {
    MqttEndpoint endpoint = settings.endpoint();
    int code = e.getReasonCode();
    String why;
    if (code == BAD_USERNAME_OR_PASSWORD || code == NOT_AUTHORIZED
        || code == MqttClientException.REASON_CODE_FAILED_AUTHENTICATION
        || code == MqttClientException.REASON_CODE_NOT_AUTHORIZED) {
      why = "refused the login: not authorised (reason code " + code + "); " + endpoint
          .username().map(user -> "check the password of user '" + user + "'")
          .orElse("it may need a username and password, and none was given");
    } else if (code == MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR) {
      why = "could not be reached (" + rootCause(e) + "): is the broker running and listening"
          + " on that host and port?";
    } else if (code == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
      why = "did not answer within " + SetpointCommands.format(MqttLink.CONNECT_TIMEOUT)
          + ": is a firewall dropping the traffic, or is it another kind of server?";
    } else if (code == MqttClientException.REASON_CODE_INVALID_CLIENT_ID) {
      why = "refused the client id '" + settings.clientId() + "' (reason code " + code + ")";
    } else {
      why = "refused or dropped the connection: " + e.getMessage() + " (reason code " + code
          + ")";
    }
    return new ActuatorException("MQTT broker " + endpoint + " " + why, e);
  }

  static ActuatorException subscribeRefused(ActuatorSettings settings, int code) {
    return new ActuatorException("MQTT broker " + settings.endpoint() + " refused the"
        + " subscription to node acks (reason code " + code + (code == NOT_AUTHORIZED
            ? ": not authorised; does the broker's ACL let this user read '"
                + settings.topics().prefix() + "/+/node/+/cmd/ack'?)" : ")"));
  }

  static ActuatorException notConnected(MqttEndpoint endpoint) {
    return new ActuatorException("not connected to MQTT broker " + endpoint
        + " (not started yet, or the broker went away and the executor is reconnecting)");
  }

  static ActuatorException publishFailed(MqttEndpoint endpoint, Throwable error) {
    String why = error instanceof MqttException mqtt
        ? describe(mqtt) : String.valueOf(error.getMessage());
    return new ActuatorException("publishing to MQTT broker " + endpoint + " failed: " + why,
        error);
  }

  static ActuatorException publishRefused(MqttEndpoint endpoint, int code) {
    return new ActuatorException("MQTT broker " + endpoint + " refused the command (reason code "
        + code + (code == NOT_AUTHORIZED ? ": not authorised; does the broker's ACL let this"
            + " user write node cmd topics?)" : ")"));
  }

  static String describe(MqttDisconnectResponse response) {
    MqttException cause = response.getException();
    if (cause != null) {
      return describe(cause);
    }
    String reason = response.getReasonString();
    return "reason code " + response.getReturnCode() + (reason == null ? "" : ": " + reason);
  }

  private static String describe(MqttException e) {
    int code = e.getReasonCode();
    if (code == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
      return "too many commands awaiting the broker's acknowledgement (reason code " + code
          + "); the broker's receive maximum is reached";
    }
    if (code == MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED
        || code == MqttClientException.REASON_CODE_CONNECTION_LOST) {
      return "the connection is down (reason code " + code + ")";
    }
    return e.getMessage() + " (reason code " + code + ")" + (e.getCause() == null ? ""
        : ", caused by " + rootCause(e));
  }

  private static String rootCause(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == error ? String.valueOf(error.getMessage()) : root.toString();
  }
}
