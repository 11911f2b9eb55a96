package dev.kelvin.mqtt.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.mqtt.ReconnectPacing;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.testing.MqttSessionContract;
import dev.kelvin.mqtt.testing.RecordingListener;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The loopback broker keeps the session contract, in virtual time. */
class LoopbackSessionTest extends MqttSessionContract {
  private static final MqttEndpoint LOOPBACK = MqttEndpoint.anonymous(
      URI.create("tcp://loopback:1883"));

  private final VirtualScheduler scheduler = new VirtualScheduler(MutableClock.START);
  private final LoopbackBroker broker = new LoopbackBroker(scheduler);

  @Override
  protected MqttTransport transport() {
    return broker;
  }

  @Override
  protected Scheduler scheduler() {
    return scheduler;
  }

  @Override
  protected Link link(String clientId) {
    return new Identifiedlink(clientId);
  }

  @Override
  protected void awaitUntil(String what, BooleanSupplier condition) {
    Instant deadline = scheduler.now().plus(Duration.ofMinutes(10));
    scheduler.runDue();
    while (!condition.getAsBoolean()) {
      if (!scheduler.now().isBefore(deadline)) {
        throw new AssertionError("not within 10 virtual minutes: " + what);
      }
      scheduler.advanceBy(Duration.ofMillis(100));
    }
  }

  @Override
  protected void pass(Duration duration) {
    scheduler.advanceBy(duration);
  }

  @Test
  void a_session_taken_over_by_another_client_counts_a_takeover() {
    SessionSettings settings = SessionSettings.clean(LOOPBACK, "owner");
    MqttSession owner = broker.session(settings, scheduler, new RecordingListener());
    owner.open();
    MqttSession copycat = broker.session(settings, scheduler, new RecordingListener());

    copycat.open();
    scheduler.runDue();

    assertThat(owner.stats().takeovers()).isEqualTo(1);
    assertThat(owner.stats().connectionsLost()).isEqualTo(1);
    assertThat(copycat.stats().takeovers()).isZero();
  }

  @Test
  void reconnects_are_paced_first_at_once_then_doubling_to_the_maximum() {
    SessionSettings settings = SessionSettings.clean(LOOPBACK, "paced")
        .withReconnect(new ReconnectPacing(Duration.ofSeconds(1), Duration.ofSeconds(8)));
    RecordingListener heard = new RecordingListener();
    MqttSession session = broker.session(settings, scheduler, heard);
    session.open();
    scheduler.advanceBy(Duration.ofMinutes(1));
    Instant start = scheduler.now();

    broker.cut("paced");
    scheduler.advanceBy(Duration.ofSeconds(20));
    broker.restore("paced");
    List<Long> attempts = new ArrayList<>();
    while (!session.connected()) {
      scheduler.advanceBy(Duration.ofMillis(100));
      attempts.add(Duration.between(start, scheduler.now()).toSeconds());
    }

    // A stable connection lost: attempts at 0 s (refused), 1, 3, 7, 15 (refused), then 23 (8 s
    // later, the cap): connected there.
    assertThat(Duration.between(start, scheduler.now()).toSeconds()).isEqualTo(23);
    assertThat(session.stats().connectFailures()).isEqualTo(5);
    assertThat(heard.connects()).containsExactly(false, true);
  }

  @Test
  void a_connection_lost_right_after_it_was_made_counts_as_a_failed_attempt() {
    SessionSettings settings = SessionSettings.clean(LOOPBACK, "flaky")
        .withReconnect(new ReconnectPacing(Duration.ofSeconds(1), Duration.ofSeconds(8)));
    MqttSession session = broker.session(settings, scheduler, new RecordingListener());
    session.open();
    Instant start = scheduler.now();

    broker.kill("flaky");
    scheduler.runDue();

    assertThat(session.connected()).as("not at once: it had just connected").isFalse();
    scheduler.advanceBy(Duration.ofSeconds(1));
    assertThat(session.connected()).isTrue();
    assertThat(Duration.between(start, scheduler.now())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a_message_is_delivered_at_the_instant_it_was_published_in_virtual_time() {
    RecordingListener heard = new RecordingListener();
    MqttSession subscriber = broker.session(SessionSettings.clean(LOOPBACK, "s"), scheduler,
        heard);
    subscriber.subscribe("t");
    subscriber.open();
    MqttSession publisher = broker.session(SessionSettings.clean(LOOPBACK, "p"), scheduler,
        new RecordingListener());
    publisher.open();
    scheduler.advanceBy(Duration.ofSeconds(5));
    Instant published = scheduler.now();

    publisher.publish("t", "x".getBytes(), false, outcome -> { });
    scheduler.runDue();

    assertThat(heard.payloads("t")).containsExactly("x");
    assertThat(scheduler.now()).isEqualTo(published);
  }

  private final class Identifiedlink implements Link, Identified {
    private final String clientId;

    Identifiedlink(String clientId) {
      this.clientId = clientId;
    }

    @Override
    public MqttEndpoint endpoint() {
      return LOOPBACK;
    }

    @Override
    public void cut() {
      broker.cut(clientId);
    }

    @Override
    public void restore() {
      broker.restore(clientId);
    }

    @Override
    public String clientId() {
      return clientId;
    }
  }
}
