package dev.kelvin.telemetry;

import dev.kelvin.core.wire.MqttEndpoint;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSecurityException;

/**
 * Translates Paho's exceptions and MQTT reason codes into sentences a person can act on. The
 * only place that interprets Paho's numeric codes.
 */
final class MqttFailures {
  /** MQTT 5 reason codes (CONNACK, SUBACK, DISCONNECT). */
  private static final int BAD_USERNAME_OR_PASSWORD = 0x86;
  private static final int NOT_AUTHORIZED = 0x87;
  private static final int SERVER_UNAVAILABLE = 0x88;
  private static final int BANNED = 0x8A;
  private static final int BAD_AUTHENTICATION_METHOD = 0x8C;
  private static final int SESSION_TAKEN_OVER = 0x8E;
  private static final int FIRST_FAILURE_CODE = 0x80;

  private MqttFailures() {}

  static TelemetryException cannotConnect(MqttEndpoint endpoint, MqttException failure) {
    return new TelemetryException("cannot connect to the MQTT broker " + endpoint + ": "
        + likelyCause(failure) + " (" + detail(failure) + ")", failure);
  }

  static TelemetryException cannotSubscribe(MqttEndpoint endpoint, String filter,
      String cause, Exception failure) {
    return new TelemetryException("the MQTT broker " + endpoint + " refused the subscription to "
        + filter + ": " + cause, failure);
  }

  /** Whether an MQTT 5 reason code in a SUBACK or CONNACK means failure. */
  static boolean isFailure(int reasonCode) {
    return reasonCode >= FIRST_FAILURE_CODE;
  }

  /** A likely cause for a failed reason code of a SUBACK. */
  static String subscribeRefusal(int reasonCode) {
    return reasonCode == NOT_AUTHORIZED
        ? "not authorised: check the broker's ACL for this user (reason code 0x87)"
        : "reason code 0x" + Integer.toHexString(reasonCode);
  }

  /** What most likely went wrong, in words, for a connect or a lost connection. */
  static String likelyCause(MqttException failure) {
    int code = failure.getReasonCode();
    if (failure instanceof MqttSecurityException || code == BAD_USERNAME_OR_PASSWORD
        || code == NOT_AUTHORIZED || code == BAD_AUTHENTICATION_METHOD) {
      return "not authorised: check the username/password";
    }
    if (code == BANNED) {
      return "the broker has banned this client";
    }
    if (code == SESSION_TAKEN_OVER) {
      return "another client connected with the same client id: give each controller its own";
    }
    if (code == MqttClientException.REASON_CODE_CONNECTION_LOST) {
      return "the connection dropped (network trouble, or the broker stopped)";
    }
    return networkCause(code, failure.getCause());
  }

  private static String networkCause(int code, Throwable cause) {
    if (cause instanceof UnknownHostException) {
      return "unknown host: check the broker address";
    }
    if (cause instanceof SSLException) {
      return "TLS handshake failed: check the certificates, and that the port speaks TLS";
    }
    if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
        || code == MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR
        || code == SERVER_UNAVAILABLE) {
      return "connection refused: is the broker running? (check the host and port)";
    }
    if (cause instanceof SocketTimeoutException
        || code == MqttClientException.REASON_CODE_CLIENT_TIMEOUT) {
      return "no answer in time: is the broker running, and reachable through the firewall?";
    }
    return "MQTT error";
  }

  private static String detail(MqttException failure) {
    Throwable cause = failure.getCause();
    return "reason code " + failure.getReasonCode() + ": " + failure.getMessage()
        + (cause == null || cause == failure ? "" : "; " + cause);
  }
}
