package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.MqttFailure.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.junit.jupiter.api.Test;

/**
 * Paho's exceptions and MQTT 5 reason codes as {@link MqttFailure}s, built the way Paho builds
 * them: a CONNACK refusal as {@code new MqttException(code)}, a failed socket as an exception
 * with its I/O cause, a dropped connection as {@code CONNECTION_LOST} with its cause.
 */
class PahoFailuresTest {
  private static final String PASSWORD = "hunter2-s3cret";
  private static final MqttEndpoint BROKER = MqttEndpoint.withLogin(
      URI.create("tcp://mqtt.example:1883"), "kelvin-ctl", PASSWORD);
  private static final String CLIENT = "kelvin-controller";

  @Test
  void a_bad_username_or_password_is_a_refusal_naming_broker_and_user_but_not_the_password() {
    MqttFailure failure = of(new MqttException(
        MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.retriable()).isFalse();
    assertThat(failure.message()).contains("tcp://mqtt.example:1883")
        .contains("user 'kelvin-ctl'").contains("reason code 134")
        .contains("check the MQTT username and password").doesNotContain(PASSWORD);
  }

  @Test
  void not_authorised_at_connect_is_a_refusal_pointing_at_password_and_acl() {
    MqttFailure failure = of(new MqttException(MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.message()).contains("user 'kelvin-ctl'").contains(CLIENT)
        .contains("as not authorised").contains("ACL").doesNotContain(PASSWORD);
  }

  @Test
  void a_refused_login_of_an_anonymous_client_says_so() {
    MqttFailure failure = PahoFailures.of(new MqttException(
        MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED),
        MqttEndpoint.anonymous(URI.create("tcp://mqtt.example:1883")), CLIENT);

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.message()).contains("an anonymous client");
  }

  @Test
  void a_banned_client_is_refused() {
    MqttFailure failure = of(new MqttException(MqttReturnCode.RETURN_CODE_BANNED));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.message()).contains("banned");
  }

  @Test
  void a_bad_client_id_is_refused_naming_the_id() {
    MqttFailure failure = of(new MqttException(MqttReturnCode.RETURN_CODE_IDENTIFIER_NOT_VALID));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.message()).contains("refused the client id " + CLIENT)
        .contains("reason code 133");
  }

  @Test
  void paho_own_authentication_codes_are_refusals_too() {
    assertThat(of(new MqttException(MqttClientException.REASON_CODE_FAILED_AUTHENTICATION))
        .kind()).isEqualTo(Kind.REFUSED);
    assertThat(of(new MqttException(MqttClientException.REASON_CODE_NOT_AUTHORIZED)).kind())
        .isEqualTo(Kind.REFUSED);
    assertThat(of(new MqttException(MqttReturnCode.RETURN_CODE_BAD_AUTHENTICATION)).kind())
        .isEqualTo(Kind.REFUSED);
  }

  @Test
  void a_failed_tls_handshake_is_a_refusal_pointing_at_the_ca_file() {
    MqttFailure failure = of(new MqttException(new SSLHandshakeException(
        "PKIX path building failed")));

    assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
    assertThat(failure.message()).contains("TLS handshake").contains("mqtt.example:1883")
        .contains("PKIX path building failed").contains("CA file");
  }

  @Test
  void a_tls_connection_that_drops_is_disconnected_not_a_refused_handshake() {
    MqttFailure failure = of(new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST,
        new SSLException("Connection reset")));

    assertThat(failure.kind()).isEqualTo(Kind.DISCONNECTED);
    assertThat(failure.retriable()).isTrue();
    assertThat(failure.message()).contains("dropped").doesNotContain("handshake");
  }

  @Test
  void a_refused_connection_is_unreachable_asking_whether_the_broker_runs() {
    MqttFailure failure = of(new MqttException(
        MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
        new ConnectException("Connection refused")));

    assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure.retriable()).isTrue();
    assertThat(failure.message()).contains("mqtt.example:1883").contains("Connection refused")
        .contains("is the broker running");
  }

  @Test
  void an_unknown_host_is_unreachable_asking_to_check_the_address() {
    MqttFailure failure = of(new MqttException(new UnknownHostException("mqtt.example")));

    assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure.message()).contains("unknown host").contains("broker address");
  }

  @Test
  void a_socket_timeout_or_a_client_timeout_is_unreachable() {
    MqttFailure socket = of(new MqttException(new SocketTimeoutException("connect timed out")));
    MqttFailure client = of(new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT));

    assertThat(socket.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(socket.message()).contains("did not answer in time");
    assertThat(client.kind()).isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void a_server_unavailable_connack_is_unreachable() {
    assertThat(of(new MqttException(MqttReturnCode.RETURN_CODE_SERVER_UNAVAILABLE)).kind())
        .isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void a_session_taken_over_says_two_processes_may_share_one_identity() {
    MqttFailure failure = of(new MqttException(MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER));

    assertThat(failure.kind()).isEqualTo(Kind.TAKEN_OVER);
    assertThat(failure.message()).contains("same client id").contains("mqtt.example:1883");
  }

  @Test
  void a_lost_connection_is_disconnected_and_retriable() {
    MqttFailure failure = of(new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST,
        new EOFException()));

    assertThat(failure.kind()).isEqualTo(Kind.DISCONNECTED);
    assertThat(failure.retriable()).isTrue();
    assertThat(failure.message()).contains("dropped").contains("EOFException");
  }

  @Test
  void a_client_not_connected_is_disconnected() {
    assertThat(of(new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED))
        .kind()).isEqualTo(Kind.DISCONNECTED);
  }

  @Test
  void too_many_messages_in_flight_is_busy() {
    MqttFailure failure = of(new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT));

    assertThat(failure.kind()).isEqualTo(Kind.BUSY);
    assertThat(failure.retriable()).isTrue();
  }

  @Test
  void another_broker_reason_code_is_a_disconnect_naming_the_code() {
    MqttFailure failure = of(new MqttException(MqttReturnCode.RETURN_CODE_SERVER_SHUTTING_DOWN));

    assertThat(failure.kind()).isEqualTo(Kind.DISCONNECTED);
    assertThat(failure.message()).contains("reason code 139");
  }

  @Test
  void an_exception_that_is_not_paho_is_other_and_shows_no_password() {
    MqttFailure failure = of(new IllegalStateException("boom"));

    assertThat(failure.kind()).isEqualTo(Kind.OTHER);
    assertThat(failure.message()).contains("mqtt.example:1883 as kelvin-ctl").contains("boom")
        .doesNotContain(PASSWORD);
  }

  @Test
  void refusal_finds_the_first_code_of_0x80_or_above() {
    assertThat(PahoFailures.refusal(new int[] {0, 1, 0x97, 0x87}, "the subscription to a/#",
        BROKER)).hasValueSatisfying(failure -> {
          assertThat(failure.kind()).isEqualTo(Kind.MESSAGE_REFUSED);
          assertThat(failure.retriable()).isFalse();
          assertThat(failure.message()).isEqualTo("the broker at tcp://mqtt.example:1883"
              + " refused the subscription to a/# with reason code 0x97: the broker's quota"
              + " for this client is exhausted");
        });
  }

  @Test
  void refusal_words_not_authorised_as_the_acl_of_the_user() {
    assertThat(PahoFailures.refusal(new int[] {0x87}, "a message on kelvin/x", BROKER))
        .hasValueSatisfying(failure -> assertThat(failure.message())
            .contains("refused a message on kelvin/x with reason code 0x87")
            .endsWith(": not authorised by the broker's ACL for user 'kelvin-ctl'")
            .doesNotContain(PASSWORD));
  }

  @Test
  void refusal_is_empty_for_success_codes_and_for_none() {
    assertThat(PahoFailures.refusal(new int[] {0, 1, 2, 0x10}, "a message", BROKER)).isEmpty();
    assertThat(PahoFailures.refusal(new int[0], "a message", BROKER)).isEmpty();
    assertThat(PahoFailures.refusal(null, "a message", BROKER)).isEmpty();
  }

  @Test
  void a_disconnect_with_session_taken_over_is_taken_over() {
    assertThat(PahoFailures.disconnected(BROKER, MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER,
        null).kind()).isEqualTo(Kind.TAKEN_OVER);
  }

  @Test
  void another_disconnect_is_disconnected_with_the_code_and_reason() {
    MqttFailure failure = PahoFailures.disconnected(BROKER,
        MqttReturnCode.RETURN_CODE_KEEP_ALIVE_TIMEOUT, "keep alive timeout");

    assertThat(failure.kind()).isEqualTo(Kind.DISCONNECTED);
    assertThat(failure.message()).isEqualTo("the broker at tcp://mqtt.example:1883"
        + " disconnected this client with reason code 141: keep alive timeout");
  }

  @Test
  void root_message_falls_back_to_the_class_name() {
    assertThat(PahoFailures.rootMessage(new RuntimeException("outer",
        new IOException("inner")))).isEqualTo("inner");
    assertThat(PahoFailures.rootMessage(new EOFException())).isEqualTo("EOFException");
  }

  private static MqttFailure of(Throwable error) {
    return PahoFailures.of(error, BROKER, CLIENT);
  }
}
