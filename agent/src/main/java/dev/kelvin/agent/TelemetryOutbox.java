package dev.kelvin.agent;

import dev.kelvin.mqtt.MqttFailure;
import dev.kelvin.core.ingest.PerKeyThrottle;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Telemetry on its way to the broker: a bounded backlog ordered by sequence number, of which
 * at most {@code window} messages are in flight at once. A reading leaves the outbox only when
 * the broker acknowledges it; while the broker is away readings wait, and go out oldest first
 * once it is back. When the backlog is full the oldest reading is dropped and counted.
 *
 * <p>The agent keeps this backlog itself rather than using Paho's offline buffer, because Paho
 * drops what overflows without counting it, and a publish in flight when the connection drops
 * is lost with a clean-start session; here every reading is either acknowledged, still
 * waiting, or counted as dropped.
 *
 * <p>Each connection is an epoch: when it drops, the readings in flight go back to the backlog
 * and late outcomes from that connection are ignored (such a reading may then arrive twice;
 * the ingest side drops duplicates by node, sequence number and time).
 */
final class TelemetryOutbox {
  private static final Logger LOG = LoggerFactory.getLogger(TelemetryOutbox.class);
  private static final Duration WARN_EVERY = Duration.ofMinutes(1);

  private final String topic;
  private final MessagePublisher publisher;
  private final int capacity;
  private final int window;
  private final PerKeyThrottle warnings;
  private final TreeMap<Long, byte[]> waiting = new TreeMap<>();
  private final TreeMap<Long, byte[]> inFlight = new TreeMap<>();
  private long epoch;
  private boolean online;
  private long published;
  private long failures;
  private long dropped;

  TelemetryOutbox(String topic, MessagePublisher publisher, int capacity, int window,
      InstantSource clock) {
    if (capacity < 1 || window < 1) {
      throw new IllegalArgumentException("outbox capacity and window must be >= 1, were "
          + capacity + " and " + window);
    }
    this.topic = topic;
    this.publisher = publisher;
    this.capacity = capacity;
    this.window = window;
    this.warnings = new PerKeyThrottle(WARN_EVERY, clock, 8);
  }

  /** Queues reading {@code seq}; drops the oldest waiting one when the backlog is full. */
  synchronized void add(long seq, byte[] payload) {
    waiting.put(seq, payload);
    trim();
  }

  /** The broker is reachable: sending may start. */
  synchronized void online() {
    online = true;
    epoch++;
  }

  /** The broker went away: what was in flight waits again, oldest first. */
  synchronized void offline() {
    online = false;
    epoch++;
    waiting.putAll(inFlight);
    inFlight.clear();
    trim();
  }

  /** Sends waiting readings, oldest first, until the window is full or none are left. */
  void drain() {
    while (true) {
      Map.Entry<Long, byte[]> next;
      long sendEpoch;
      synchronized (this) {
        if (!online || inFlight.size() >= window || waiting.isEmpty()) {
          return;
        }
        next = waiting.pollFirstEntry();
        inFlight.put(next.getKey(), next.getValue());
        sendEpoch = epoch;
      }
      long seq = next.getKey();
      Optional<MqttFailure> notQueued = publisher.publish(topic, next.getValue(), outcome -> {
        if (settle(sendEpoch, seq, outcome)) {
          drain();
        }
      });
      if (notQueued.isPresent()) {
        settle(sendEpoch, seq, notQueued);
        return;
      }
    }
  }

  /**
   * Gives up on whatever is still waiting or in flight: the agent is closing.
   *
   * @return how many readings were never acknowledged
   */
  synchronized int close() {
    online = false;
    epoch++;
    int unsent = waiting.size() + inFlight.size();
    dropped += unsent;
    waiting.clear();
    inFlight.clear();
    return unsent;
  }

  synchronized long published() {
    return published;
  }

  synchronized long failures() {
    return failures;
  }

  synchronized long dropped() {
    return dropped;
  }

  /** Readings waiting or in flight. */
  synchronized int size() {
    return waiting.size() + inFlight.size();
  }

  /** Records a publish outcome; true when the window has room again and sending may go on. */
  private synchronized boolean settle(long sendEpoch, long seq, Optional<MqttFailure> outcome) {
    if (sendEpoch != epoch) {
      return false;
    }
    byte[] payload = inFlight.remove(seq);
    if (payload == null) {
      return false;
    }
    if (outcome.isEmpty()) {
      published++;
      return true;
    }
    failures++;
    MqttFailure failure = outcome.get();
    if (failure.retriable()) {
      waiting.put(seq, payload);
      trim();
    } else {
      dropped++;
      if (warnings.allow("refused")) {
        LOG.warn("dropped reading seq {} on {}: {} ({} readings lost so far)", seq, topic,
            failure.message(), dropped);
      }
    }
    return false;
  }

  private void trim() {
    while (waiting.size() + inFlight.size() > capacity && !waiting.isEmpty()) {
      waiting.pollFirstEntry();
      dropped++;
      if (warnings.allow("full")) {
        LOG.warn("telemetry backlog for {} is full ({} readings) while the broker is away:"
            + " dropping the oldest ({} dropped so far)", topic, capacity, dropped);
      }
    }
  }
}
