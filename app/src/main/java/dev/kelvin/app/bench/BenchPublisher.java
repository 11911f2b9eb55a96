package dev.kelvin.app.bench;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.MqttSession;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.mqtt.SessionSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Publishes site batches of simulated node readings for a given time, as fast as the consumer
 * takes them in: at most {@code window} readings ahead of what the consumer reports it has
 * (received, or stored), and a bounded number of messages in flight to the broker (QoS 1). So
 * the rate is the consumer's sustained rate, and the broker's queue for it never overflows.
 * Every reading is distinct: node {@code n} of round {@code r} has sequence number {@code r}
 * and a timestamp later than its previous one, so a store keeps each once.
 */
final class BenchPublisher {
  private static final int IN_FLIGHT = 256;

  private final Topics topics;
  private final int nodes;
  private final int perMessage;
  private final BatchTemplate[] slots;
  private long lastRoundMs;

  /** What was published. */
  record Published(long readings, long messages, long failures, long startNanos,
      long lastAckNanos) {
    double seconds() {
      return (lastAckNanos - startNanos) / 1e9;
    }
  }

  BenchPublisher(Topics topics, int nodes, int perMessage) {
    if (nodes % perMessage != 0) {
      throw new IllegalArgumentException("nodes (" + nodes + ") must be a multiple of the"
          + " readings per message (" + perMessage + ")");
    }
    this.topics = topics;
    this.nodes = nodes;
    this.perMessage = perMessage;
    this.slots = new BatchTemplate[nodes / perMessage];
    for (int slot = 0; slot < slots.length; slot++) {
      slots[slot] = BatchTemplate.of(slot * perMessage, perMessage);
    }
  }

  /**
   * Publishes for {@code duration} through a clean session of its own, at most
   * {@code window} readings ahead of {@code consumed}.
   */
  Published publish(MqttEndpoint broker, String clientId, Scheduler scheduler,
      Duration duration, LongSupplier consumed, long window) throws InterruptedException {
    try (MqttSession session = PahoTransport.INSTANCE.session(
        SessionSettings.clean(broker, clientId).withConnectTimeout(Duration.ofSeconds(10)),
        scheduler, (topic, payload) -> { })) {
      session.open();
      return run(session, scheduler, duration, consumed, window);
    }
  }

  private Published run(MqttSession session, Scheduler scheduler, Duration duration,
      LongSupplier consumed, long window) throws InterruptedException {
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicLong lastAck = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long messages = 0;
    String topic = topics.siteTelemetry(BatchTemplate.SITE);
    while (System.nanoTime() < end) {
      while ((messages + 1) * perMessage - consumed.getAsLong() > window
          && System.nanoTime() < end) {
        Thread.sleep(1);
      }
      byte[] payload = message(messages, scheduler);
      inFlight.acquire();
      Optional<?> refused = session.publish(topic, payload, false,
          outcome -> {
            outcome.ifPresent(failure -> failures.incrementAndGet());
            lastAck.set(System.nanoTime());
            inFlight.release();
          });
      if (refused.isPresent()) {
        failures.incrementAndGet();
        inFlight.release();
      }
      messages++;
    }
    if (!inFlight.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the broker did not acknowledge the last messages in 60 s");
    }
    return new Published(messages * perMessage, messages, failures.get(), start,
        lastAck.get());
  }

  /** Message {@code index}: the next {@code perMessage} nodes, round after round. */
  private byte[] message(long index, Scheduler scheduler) {
    long first = index * perMessage;
    long round = first / nodes;
    if (first % nodes == 0) {
      lastRoundMs = Math.max(scheduler.now().toEpochMilli(), lastRoundMs + 1);
    }
    return slots[(int) (first % nodes) / perMessage].fill(lastRoundMs, round);
  }
}
