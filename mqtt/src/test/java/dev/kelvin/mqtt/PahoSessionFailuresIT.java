package dev.kelvin.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.MqttTls;
import dev.kelvin.mqtt.testing.MqttTestClient;
import dev.kelvin.mqtt.testing.RecordingListener;
import dev.kelvin.mqtt.testing.TcpFaultProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the real Mosquitto refuses, as a session reports it: a wrong password, a message the
 * ACL forbids, a broker that is not there; TLS with the test CA; and no thread left behind
 * when a session closes during an outage.
 */
class PahoSessionFailuresIT {
  private final WallClockScheduler scheduler = new WallClockScheduler("it-mqtt-failures");

  @AfterEach
  void stop() {
    scheduler.close();
  }

  @Test
  void a_wrong_password_is_refused_at_open_with_a_message_naming_the_user() {
    MqttEndpoint real = TestServices.mqtt();
    MqttEndpoint wrong = MqttEndpoint.withLogin(real.broker(), real.username().orElseThrow(),
        "not-the-password");
    MqttSession session = session(wrong, "wrong-password");

    assertThatThrownBy(session::open).isInstanceOfSatisfying(MqttSessionException.class, e -> {
      assertThat(e.failure().kind()).isEqualTo(MqttFailure.Kind.REFUSED);
      assertThat(e.failure().retriable()).isFalse();
      assertThat(e.getMessage()).contains("kelvin-it").contains("password");
    });
    assertThat(session.stats().refusals()).isEqualTo(1);
  }

  @Test
  void a_message_the_acl_forbids_is_refused_as_such_and_counted() {
    MqttEndpoint limited = MqttEndpoint.withLogin(TestServices.mqtt().broker(),
        TestServices.required("KELVIN_IT_MQTT_LIMITED_USERNAME"),
        TestServices.required("KELVIN_IT_MQTT_LIMITED_PASSWORD"));
    MqttSession session = session(limited, "limited");
    session.open();
    AtomicReference<Optional<MqttFailure>> outcome = new AtomicReference<>();

    session.publish(TestServices.uniqueTopics().prefix() + "/forbidden",
        "x".getBytes(StandardCharsets.UTF_8), false, outcome::set);

    await().atMost(Duration.ofSeconds(10)).until(() -> outcome.get() != null);
    assertThat(outcome.get()).hasValueSatisfying(failure -> {
      assertThat(failure.kind()).isEqualTo(MqttFailure.Kind.MESSAGE_REFUSED);
      assertThat(failure.message()).contains("not authorised by the broker's ACL")
          .contains("kelvin-it-limited");
    });
    assertThat(session.stats().refusals()).isEqualTo(1);
    assertThat(session.connected()).as("a refused message does not cost the connection")
        .isTrue();
  }

  @Test
  void a_session_connects_over_tls_trusting_the_test_ca() throws Exception {
    MqttEndpoint tls = new MqttEndpoint(URI.create(TestServices.required(
        "KELVIN_IT_MQTT_TLS_URL")), TestServices.mqtt().username(),
        TestServices.mqtt().password(), Optional.of(MqttTls.trusting(Path.of(
            TestServices.required("KELVIN_IT_MQTT_CA_FILE")))));
    RecordingListener heard = new RecordingListener();
    String topic = TestServices.uniqueTopics().prefix() + "/tls";
    MqttSession session = PahoTransport.INSTANCE.session(
        SessionSettings.clean(tls, TestServices.unique("it-tls")), scheduler, heard);
    session.subscribe(topic);
    session.open();
    try (MqttTestClient sender = MqttTestClient.connect(TestServices.mqtt(), "sender")) {
      sender.publish(topic, "encrypted");
      await().atMost(Duration.ofSeconds(10)).until(() -> heard.payloads(topic)
          .contains("encrypted"));
    } finally {
      session.close();
    }
  }

  @Test
  void closing_a_session_during_an_outage_leaves_no_thread_behind() throws Exception {
    Set<String> before = liveThreads();
    try (TcpFaultProxy proxy = TcpFaultProxy.to(TestServices.mqtt().broker())) {
      MqttSession session = session(TestServices.mqttAt(proxy.uri()), "outage");
      session.open();
      proxy.cut();
      await().atMost(Duration.ofSeconds(10)).until(() -> session.stats().connectFailures() >= 2);

      session.close();
    }
    scheduler.close();

    await("every thread the session started has ended").atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
  }

  @Test
  void opening_a_session_to_a_port_nobody_listens_on_fails_as_unreachable() {
    MqttSession session = session(TestServices.mqttAt(URI.create("tcp://127.0.0.1:1")), "none");
    assertThatThrownBy(session::open).isInstanceOfSatisfying(MqttSessionException.class, e -> {
      assertThat(e.failure().kind()).isEqualTo(MqttFailure.Kind.UNREACHABLE);
      assertThat(e.getMessage()).contains("127.0.0.1:1").contains("is the broker running");
    });
  }

  private MqttSession session(MqttEndpoint endpoint, String role) {
    SessionSettings settings = SessionSettings.clean(endpoint, TestServices.unique("it-" + role))
        .withReconnect(new ReconnectPacing(Duration.ofMillis(100), Duration.ofMillis(400)))
        .withConnectTimeout(Duration.ofSeconds(5));
    return PahoTransport.INSTANCE.session(settings, scheduler, new RecordingListener());
  }

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(thread -> thread.getName() + "#" + thread.getId()).collect(Collectors.toSet());
  }

  /** Threads alive now that were not before, other than the JVM's and the test tools' own. */
  private static Set<String> newThreads(Set<String> before) {
    Set<String> now = liveThreads();
    now.removeAll(before);
    now.removeIf(name -> name.startsWith("awaitility") || name.startsWith("Common-Cleaner")
        || name.startsWith("ForkJoinPool") || name.startsWith("Attach Listener"));
    return now;
  }
}
