package dev.kelvin.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.core.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TelemetryOutboxTest {
  private static final MqttFailure LOST =
      new MqttFailure(MqttFailure.Kind.DISCONNECTED, "connection lost");
  private static final MqttFailure REFUSED =
      new MqttFailure(MqttFailure.Kind.MESSAGE_REFUSED, "not authorized");

  /** Remembers each publish and lets the test decide its outcome. */
  private static final class RecordingPublisher implements MessagePublisher {
    private record Sent(String payload, Consumer<Optional<MqttFailure>> done) {}

    private final List<Sent> sent = new ArrayList<>();
    private Optional<MqttFailure> notQueued = Optional.empty();

    @Override
    public Optional<MqttFailure> publish(String topic, byte[] payload,
        Consumer<Optional<MqttFailure>> done) {
      if (notQueued.isPresent()) {
        return notQueued;
      }
      sent.add(new Sent(new String(payload, StandardCharsets.UTF_8), done));
      return Optional.empty();
    }

    List<String> payloads() {
      return sent.stream().map(Sent::payload).toList();
    }

    void settle(int index, Optional<MqttFailure> outcome) {
      sent.get(index).done().accept(outcome);
    }
  }

  private final RecordingPublisher publisher = new RecordingPublisher();

  private TelemetryOutbox outbox(int capacity, int window) {
    return new TelemetryOutbox("t", publisher, capacity, window, new MutableClock());
  }

  private static void add(TelemetryOutbox outbox, int from, int to) {
    for (int seq = from; seq <= to; seq++) {
      outbox.add(seq, ("r" + seq).getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void sends_nothing_while_offline_then_the_backlog_oldest_first() {
    TelemetryOutbox outbox = outbox(10, 10);
    add(outbox, 0, 2);
    outbox.drain();
    assertThat(publisher.payloads()).isEmpty();

    outbox.online();
    outbox.drain();

    assertThat(publisher.payloads()).containsExactly("r0", "r1", "r2");
  }

  @Test
  void keeps_at_most_the_window_in_flight_and_sends_more_as_acks_arrive() {
    TelemetryOutbox outbox = outbox(10, 2);
    add(outbox, 0, 4);
    outbox.online();
    outbox.drain();
    assertThat(publisher.payloads()).containsExactly("r0", "r1");

    publisher.settle(0, Optional.empty());

    assertThat(publisher.payloads()).containsExactly("r0", "r1", "r2");
    assertThat(outbox.published()).isEqualTo(1);
    assertThat(outbox.size()).isEqualTo(4);
  }

  @Test
  void readings_in_flight_when_the_connection_drops_go_out_again_in_order() {
    TelemetryOutbox outbox = outbox(10, 10);
    add(outbox, 0, 2);
    outbox.online();
    outbox.drain();

    outbox.offline();
    add(outbox, 3, 3);
    publisher.settle(1, Optional.empty());
    assertThat(outbox.published()).as("an ack from the old connection").isZero();
    assertThat(outbox.size()).isEqualTo(4);

    outbox.online();
    outbox.drain();
    assertThat(publisher.payloads().subList(3, 7)).containsExactly("r0", "r1", "r2", "r3");
  }

  @Test
  void a_retriable_failure_puts_the_reading_back_ahead_of_newer_ones() {
    TelemetryOutbox outbox = outbox(10, 1);
    add(outbox, 0, 1);
    outbox.online();
    outbox.drain();

    publisher.settle(0, Optional.of(LOST));
    assertThat(outbox.failures()).isEqualTo(1);
    outbox.drain();

    assertThat(publisher.payloads()).containsExactly("r0", "r0");
    assertThat(outbox.size()).isEqualTo(2);
  }

  @Test
  void a_message_the_broker_refuses_is_dropped_and_counted_not_retried() {
    TelemetryOutbox outbox = outbox(10, 1);
    add(outbox, 0, 1);
    outbox.online();
    outbox.drain();

    publisher.settle(0, Optional.of(REFUSED));
    outbox.drain();

    assertThat(publisher.payloads()).containsExactly("r0", "r1");
    assertThat(outbox.dropped()).isEqualTo(1);
    assertThat(outbox.failures()).isEqualTo(1);
  }

  @Test
  void drops_the_oldest_readings_when_the_backlog_is_full_and_counts_them() {
    TelemetryOutbox outbox = outbox(3, 10);
    add(outbox, 0, 4);

    assertThat(outbox.size()).isEqualTo(3);
    assertThat(outbox.dropped()).isEqualTo(2);
    outbox.online();
    outbox.drain();
    assertThat(publisher.payloads()).containsExactly("r2", "r3", "r4");
  }

  @Test
  void a_publish_that_cannot_be_queued_ends_the_drain_and_keeps_the_reading() {
    TelemetryOutbox outbox = outbox(10, 10);
    add(outbox, 0, 2);
    outbox.online();
    publisher.notQueued = Optional.of(new MqttFailure(MqttFailure.Kind.BUSY, "window full"));

    outbox.drain();

    assertThat(outbox.size()).isEqualTo(3);
    assertThat(outbox.failures()).isEqualTo(1);
    publisher.notQueued = Optional.empty();
    outbox.drain();
    assertThat(publisher.payloads()).containsExactly("r0", "r1", "r2");
  }

  @Test
  void closing_counts_what_was_never_acknowledged_as_dropped() {
    TelemetryOutbox outbox = outbox(10, 1);
    add(outbox, 0, 2);
    outbox.online();
    outbox.drain();

    assertThat(outbox.close()).isEqualTo(3);
    assertThat(outbox.dropped()).isEqualTo(3);
    assertThat(outbox.size()).isZero();
  }
}
