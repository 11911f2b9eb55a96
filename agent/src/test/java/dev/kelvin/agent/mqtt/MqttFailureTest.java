package dev.kelvin.agent.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.wire.MqttEndpoint;
import java.net.ConnectException;
import java.net.URI;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.junit.jupiter.api.Test;

class MqttFailureTest {
  private final MqttEndpoint endpoint =
      MqttEndpoint.withLogin(URI.create("tcp://broker.example:1883"), "agent", "secret");

  private MqttFailure translate(MqttException error) {
    return MqttFailure.of(error, endpoint, "kelvin-agent-site-a-n01");
  }

  @Test
  void a_refused_password_names_the_user_and_is_not_worth_retrying() {
    MqttFailure failure = translate(
        new MqttException(MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD));

    assertThat(failure.retriable()).isFalse();
    assertThat(failure.message()).contains("tcp://broker.example:1883")
        .contains("user 'agent'").contains("username and password").doesNotContain("secret");
  }

  @Test
  void not_authorized_points_at_both_the_password_and_the_acl() {
    MqttFailure failure = translate(new MqttException(MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED));

    assertThat(failure.kind()).isEqualTo(MqttFailure.Kind.REFUSED);
    assertThat(failure.message()).contains("username and password").contains("ACL");
  }

  @Test
  void a_broker_that_is_not_listening_is_unreachable_and_retried() {
    MqttFailure failure = translate(new MqttException(
        MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
        new ConnectException("Connection refused")));

    assertThat(failure.retriable()).isTrue();
    assertThat(failure.kind()).isEqualTo(MqttFailure.Kind.UNREACHABLE);
    assertThat(failure.message()).contains("Connection refused").contains("is the broker running");
  }

  @Test
  void a_session_taken_over_suggests_two_agents_for_one_node() {
    MqttFailure failure = translate(
        new MqttException(MqttReturnCode.RETURN_CODE_SESSION_TAKEN_OVER));

    assertThat(failure.message()).contains("same client id kelvin-agent-site-a-n01")
        .contains("two agents");
  }

  @Test
  void a_full_window_is_busy_and_retried() {
    MqttFailure failure =
        translate(new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT));

    assertThat(failure.kind()).isEqualTo(MqttFailure.Kind.BUSY);
    assertThat(failure.retriable()).isTrue();
  }

  @Test
  void a_message_the_broker_refuses_is_not_retried_and_says_why() {
    MqttFailure failure = MqttFailure.refusedByBroker("a message on t",
        MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED, endpoint);

    assertThat(failure.retriable()).isFalse();
    assertThat(failure.message()).contains("reason code 135").contains("ACL");
  }
}
