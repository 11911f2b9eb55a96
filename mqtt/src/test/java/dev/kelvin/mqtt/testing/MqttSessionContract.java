package dev.kelvin.mqtt.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kelvin.core.testkit.TestServices;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttSessionException;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.ReconnectPacing;
import dev.kelvin.mqtt.SessionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link MqttSession} keeps, over the network and in the loopback broker
 * alike: what telemetry, actuators and the agent rely on. Each session under test connects
 * through its own {@link Link}, which a test can cut and restore to play a pulled cable.
 */
public abstract class MqttSessionContract {
  /** Where one client connects, and how to cut it off from the broker and back. */
  public interface Link {
    MqttEndpoint endpoint();

    void cut();

    void restore();
  }

  private final List<MqttSession> sessions = new ArrayList<>();
  private final String prefix = TestServices.uniqueTopics().prefix();

  protected abstract MqttTransport transport();

  protected abstract Scheduler scheduler();

  /** A link for the client {@code clientId}. */
  protected abstract Link link(String clientId);

  /** Waits (or advances virtual time) until {@code condition} holds, failing after a while. */
  protected abstract void awaitUntil(String what, BooleanSupplier condition);

  /** Lets {@code duration} pass (or advances virtual time by it). */
  protected abstract void pass(Duration duration);

  @AfterEach
  void closeSessions() {
    sessions.forEach(MqttSession::close);
  }

  @Test
  void a_subscriber_receives_what_a_publisher_sends_in_order() {
    RecordingListener heard = new RecordingListener();
    open("sub", heard, topic("a/#"));
    MqttSession publisher = open("pub", new RecordingListener());

    for (int i = 0; i < 20; i++) {
      publisher.publish(topic("a/x"), bytes("m" + i), false);
    }

    awaitUntil("20 messages", () -> heard.payloads(topic("a/x")).size() == 20);
    assertThat(heard.payloads(topic("a/x"))).startsWith("m0", "m1", "m2").endsWith("m19");
  }

  @Test
  void a_publish_completes_once_the_broker_has_it() {
    MqttSession publisher = open("pub", new RecordingListener());
    AtomicReference<Optional<MqttFailure>> outcome = new AtomicReference<>();
    Optional<MqttFailure> queued = publisher.publish(topic("done"), bytes("x"), false,
        outcome::set);
    assertThat(queued).isEmpty();
    awaitUntil("the acknowledgement", () -> outcome.get() != null);
    assertThat(outcome.get()).isEmpty();
    awaitUntil("the count", () -> publisher.stats().published() == 1);
  }

  @Test
  void a_retained_message_reaches_a_later_subscriber() {
    MqttSession publisher = open("pub", new RecordingListener());
    publishAndAwait(publisher, topic("status"), "online", true);

    RecordingListener later = new RecordingListener();
    open("later", later, topic("status"));

    awaitUntil("the retained status", () -> later.payloads(topic("status")).contains("online"));
  }

  @Test
  void the_last_will_goes_out_when_a_client_vanishes_but_not_when_it_closes() {
    RecordingListener watcher = new RecordingListener();
    open("watcher", watcher, topic("will/+"));
    Link vanishing = link(TestServices.unique("it-vanishing"));
    open(vanishing, settings(vanishing, "vanishing").withWill(topic("will/a"), "offline"),
        new RecordingListener());
    Link leaving = link(TestServices.unique("it-leaving"));
    MqttSession polite = open(leaving, settings(leaving, "leaving")
        .withWill(topic("will/b"), "offline"), new RecordingListener());

    vanishing.cut();
    polite.close();

    awaitUntil("the will", () -> watcher.payloads(topic("will/a")).contains("offline"));
    assertThat(watcher.payloads(topic("will/b"))).isEmpty();
  }

  @Test
  void a_session_reconnects_after_an_outage_and_renews_its_subscriptions() {
    Link link = link(TestServices.unique("it-reconnecting"));
    RecordingListener heard = new RecordingListener();
    MqttSession session = open(link, settings(link, "reconnecting"), heard, topic("r"));

    link.cut();
    awaitUntil("the loss", () -> !heard.losses().isEmpty() && !session.connected());
    link.restore();
    awaitUntil("the reconnect", () -> heard.connects().contains(true));

    MqttSession publisher = open("pub", new RecordingListener());
    publisher.publish(topic("r"), bytes("after"), false);
    awaitUntil("a message after the reconnect", () -> heard.payloads(topic("r"))
        .contains("after"));
    assertThat(heard.connects()).startsWith(false, true);
    assertThat(session.stats().connectionsLost()).isEqualTo(1);
  }

  @Test
  void a_persistent_session_gets_what_was_published_while_it_was_away() {
    Link link = link(TestServices.unique("it-persistent"));
    RecordingListener heard = new RecordingListener();
    MqttSession session = open(link, settings(link, "persistent")
        .withSessionExpiry(Duration.ofMinutes(5)), heard, topic("p"));
    MqttSession publisher = open("pub", new RecordingListener());

    link.cut();
    awaitUntil("the loss", () -> !session.connected());
    for (int i = 0; i < 5; i++) {
      publishAndAwait(publisher, topic("p"), "while-away-" + i, false);
    }
    link.restore();

    awaitUntil("the queued messages", () -> heard.payloads(topic("p")).size() == 5);
    assertThat(heard.payloads(topic("p"))).containsExactly("while-away-0", "while-away-1",
        "while-away-2", "while-away-3", "while-away-4");
  }

  @Test
  void a_message_the_listener_did_not_acknowledge_comes_again_after_a_reconnect() {
    Link link = link(TestServices.unique("it-acknowledging"));
    AcknowledgingRecorder heard = new AcknowledgingRecorder(payload -> payload.startsWith("a"));
    MqttSession session = transport().session(settings(link, "acknowledging")
        .withSessionExpiry(Duration.ofMinutes(5)), scheduler(), heard);
    sessions.add(session);
    session.subscribe(topic("ack"));
    session.open();
    MqttSession publisher = open("pub", new RecordingListener());
    for (String payload : List.of("a0", "a1", "k2", "k3")) {
      publishAndAwait(publisher, topic("ack"), payload, false);
    }
    awaitUntil("the four messages", () -> heard.payloads(topic("ack")).size() == 4);
    pass(Duration.ofMillis(300));

    link.cut();
    awaitUntil("the loss", () -> !session.connected());
    link.restore();
    awaitUntil("the reconnect", () -> heard.connects().contains(true));

    awaitUntil("the unacknowledged two again", () -> heard.payloads(topic("ack")).size() == 6);
    pass(Duration.ofMillis(300));
    assertThat(heard.payloads(topic("ack"))).containsExactly("a0", "a1", "k2", "k3", "k2",
        "k3");
  }

  @Test
  void publishing_while_disconnected_fails_at_once_and_may_be_retried() {
    Link link = link(TestServices.unique("it-offline"));
    MqttSession session = open(link, settings(link, "offline"), new RecordingListener());
    link.cut();
    awaitUntil("the loss", () -> !session.connected());

    Optional<MqttFailure> refused = session.publish(topic("x"), bytes("lost?"), false,
        outcome -> { });

    assertThat(refused).hasValueSatisfying(failure -> assertThat(failure.retriable()).isTrue());
  }

  @Test
  void opening_a_session_to_a_broker_it_cannot_reach_fails_as_unreachable() {
    Link link = link(TestServices.unique("it-unreachable"));
    link.cut();
    MqttSession session = transport().session(settings(link, "unreachable"), scheduler(),
        new RecordingListener());
    sessions.add(session);

    assertThatThrownBy(session::open).isInstanceOfSatisfying(MqttSessionException.class, e -> {
      assertThat(e.failure().kind()).isEqualTo(MqttFailure.Kind.UNREACHABLE);
      assertThat(e.failure().retriable()).isTrue();
    });
  }

  @Test
  void a_session_that_keeps_trying_connects_once_the_broker_is_reachable() {
    Link link = link(TestServices.unique("it-patient"));
    link.cut();
    RecordingListener heard = new RecordingListener();
    MqttSession session = transport().session(settings(link, "patient"), scheduler(), heard);
    sessions.add(session);
    session.subscribe(topic("later"));

    Optional<MqttFailure> first = session.openOrKeepTrying();
    link.restore();

    assertThat(first).hasValueSatisfying(f -> assertThat(f.retriable()).isTrue());
    awaitUntil("the connect", session::connected);
    MqttSession publisher = open("pub", new RecordingListener());
    publisher.publish(topic("later"), bytes("hello"), false);
    awaitUntil("a message on the subscription made at connect",
        () -> heard.payloads(topic("later")).contains("hello"));
  }

  @Test
  void two_clients_with_one_id_do_not_take_the_session_from_each_other_back_and_forth() {
    String clientId = TestServices.unique("it-twin");
    RecordingListener first = new RecordingListener();
    Link one = link(clientId);
    MqttSession older = open(one, settings(one, "twin"), first);
    Link two = link(clientId);
    MqttSession newer = open(two, settings(two, "twin"), new RecordingListener());

    awaitUntil("the older one to lose its session", () -> !first.losses().isEmpty());
    pass(Duration.ofSeconds(5));

    long connects = older.stats().connects() + newer.stats().connects();
    assertThat(connects).as("connects of the two within 5 s; a tug of war makes hundreds")
        .isLessThan(12);
  }

  /** A topic under this test's own prefix. */
  protected String topic(String suffix) {
    return prefix + "/" + suffix;
  }

  protected SessionSettings settings(Link link, String role) {
    return SessionSettings.clean(link.endpoint(), clientIdOf(link, role))
        .withReconnect(new ReconnectPacing(Duration.ofMillis(200), Duration.ofSeconds(1)))
        .withKeepAlive(Duration.ofSeconds(5)).withConnectTimeout(Duration.ofSeconds(5));
  }

  /** The client id a link was made for, else a unique one for {@code role}. */
  protected String clientIdOf(Link link, String role) {
    return link instanceof Identified identified ? identified.clientId()
        : TestServices.unique("it-" + role);
  }

  /** A link made for one client id knows it. */
  public interface Identified {
    String clientId();
  }

  private MqttSession open(String role, RecordingListener listener, String... filters) {
    Link link = link(TestServices.unique("it-" + role));
    return open(link, settings(link, role), listener, filters);
  }

  private MqttSession open(Link link, SessionSettings settings, RecordingListener listener,
      String... filters) {
    MqttSession session = transport().session(settings, scheduler(), listener);
    sessions.add(session);
    for (String filter : filters) {
      session.subscribe(filter);
    }
    session.open();
    return session;
  }

  /** Publishes and waits for the broker's acknowledgement (a blocking join would stall time). */
  private void publishAndAwait(MqttSession session, String topic, String payload,
      boolean retained) {
    AtomicReference<Optional<MqttFailure>> outcome = new AtomicReference<>();
    assertThat(session.publish(topic, bytes(payload), retained, outcome::set)).isEmpty();
    awaitUntil("the acknowledgement of " + payload, () -> outcome.get() != null);
    assertThat(outcome.get()).isEmpty();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
