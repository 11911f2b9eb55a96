package dev.kelvin.app.run;

import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.testing.MqttTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes Kelvin JSON site batches through the real broker at a steady pace, on a thread of
 * its own, with a login of the test services: message {@code k} carries one reading of each of
 * the site's {@code nodes} nodes ({@code n00}, {@code n01}, ...), each with {@code seq k} and
 * taken at {@code firstAt + k × spacing}, so that reading {@code k × nodes + j} is node j's
 * reading of message k, and a reading's place in the stream can be told from what InfluxDB
 * holds. Each publish is QoS 1 and waits for the broker's acknowledgement.
 */
final class ReadingPublisher implements AutoCloseable {
  private final MqttTestClient client;
  private final String topic;
  private final int nodes;
  private final Instant firstAt;
  private final Duration spacing;
  private final Duration pace;
  private final AtomicLong begun = new AtomicLong();
  private final AtomicLong acknowledged = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;

  /**
   * @param pace the time between two messages
   * @param spacing the time between the readings of two messages
   */
  ReadingPublisher(MqttEndpoint broker, Topics topics, SiteId site, int nodes, Instant firstAt,
      Duration spacing, Duration pace) throws Exception {
    this.client = MqttTestClient.connect(broker, "crash-publisher");
    this.topic = topics.siteTelemetry(site);
    this.nodes = nodes;
    this.firstAt = firstAt;
    this.spacing = spacing;
    this.pace = pace;
    this.thread = new Thread(this::run, "reading-publisher");
    thread.setDaemon(true);
    thread.start();
  }

  /** The name of node {@code j}. */
  static String node(int j) {
    return String.format(Locale.ROOT, "n%02d", j);
  }

  /** Messages whose publish has begun: every later message begins after this call. */
  long begun() {
    return begun.get();
  }

  /** Messages the broker acknowledged. */
  long acknowledged() {
    requireNoFailure();
    return acknowledged.get();
  }

  /** Stops publishing once the message in flight is acknowledged; how many were. */
  long stop() throws InterruptedException {
    running = false;
    thread.join(10_000);
    return acknowledged();
  }

  private void run() {
    long start = System.nanoTime();
    try {
      for (long k = 0; running; k++) {
        LockSupport.parkNanos(start + k * pace.toNanos() - System.nanoTime());
        begun.set(k + 1);
        client.publish(topic, message(k));
        acknowledged.set(k + 1);
      }
    } catch (Exception | AssertionError e) {
      failure = e;
    }
  }

  private Map<String, Object> message(long k) {
    long at = firstAt.plus(spacing.multipliedBy(k)).toEpochMilli();
    List<Map<String, Object>> readings = new ArrayList<>(nodes);
    for (int j = 0; j < nodes; j++) {
      Map<String, Object> reading = new LinkedHashMap<>();
      reading.put("node", node(j));
      reading.put("ts_ms", at);
      reading.put("seq", k);
      reading.put("power_w", 200.0 + j);
      readings.add(reading);
    }
    Map<String, Object> batch = new LinkedHashMap<>();
    batch.put("v", 1);
    batch.put("readings", readings);
    return batch;
  }

  private void requireNoFailure() {
    if (failure != null) {
      throw new AssertionError("publishing failed: " + failure, failure);
    }
  }

  @Override
  public void close() throws Exception {
    running = false;
    thread.join(10_000);
    client.close();
  }
}
