package dev.kelvin.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class MqttEndpointTest {

  @Test
  void never_prints_the_password() {
    MqttEndpoint endpoint = MqttEndpoint.withLogin(URI.create("tcp://127.0.0.1:1883"),
        "kelvin", "s3cret");
    assertThat(endpoint.toString()).contains("kelvin").doesNotContain("s3cret");
  }

  @Test
  void a_broker_without_a_port_or_with_http_is_refused_with_an_example() {
    assertThatThrownBy(() -> MqttEndpoint.anonymous(URI.create("tcp://127.0.0.1")))
        .hasMessageContaining("tcp://127.0.0.1:1883");
    assertThatThrownBy(() -> MqttEndpoint.anonymous(URI.create("http://127.0.0.1:1883")))
        .hasMessageContaining("tcp://host:port");
  }
}
