package dev.kelvin.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.MetricValues;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.testkit.Readings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Locale;

/**
 * The must-show of the store: a steady 2,000 readings/s (200 nodes at 10 Hz, each reading a
 * node point and a GPU point), InfluxDB stopped for real for 2 minutes through
 * {@code scripts/services.sh stop influx} and started again: afterwards every reading is in
 * InfluxDB, counted by a query, none twice, none lost. The InfluxDB is one of the test's own
 * ({@link PrivateInflux}), so stopping it takes nothing from tests running beside it; it is
 * stopped when the test ends, however it ends. {@code -Dkelvin.it.outage_s=N} shortens the
 * outage for a quick run.
 */
class InfluxOutageIT {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxOutageIT.class);
  private static final int NODES = 200;
  private static final int READINGS_PER_SECOND = 2_000;
  private static final Duration OUTAGE =
      Duration.ofSeconds(Integer.getInteger("kelvin.it.outage_s", 120));
  private static final Duration BEFORE_AND_AFTER = Duration.ofSeconds(15);

  @TempDir
  Path folder;

  @Test
  void keeps_every_reading_of_a_steady_stream_through_a_two_minute_influxdb_outage()
      throws Exception {
    try (PrivateInflux influx = new PrivateInflux(folder.resolve("influx"));
        InfluxTestDatabase db = new InfluxTestDatabase(influx.url(), influx.username(),
            influx.password())) {
      InfluxSettings settings = db.settings(folder.resolve("spool"))
          .withRetry(Duration.ofSeconds(1), Duration.ofSeconds(10));
      InfluxStore store = InfluxStore.open(settings, InstantSource.system());
      SteadyStream stream = new SteadyStream(store);
      Thread producer = new Thread(stream, "steady-2000-per-s");
      try {
        producer.start();
        Outage outage = runOutage(influx, store);
        Thread.sleep(BEFORE_AND_AFTER.toMillis());
        stream.stop();
        producer.join();
        long replayStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
            .until(() -> store.stats().spooledRecords() == 0);
        long replayMillis = (System.nanoTime() - replayStart) / 1_000_000;
        store.close();
        report(stream, store.stats(), outage, replayMillis);

        assertThat(db.count("SELECT count(seq) FROM node")).isEqualTo(stream.produced());
        assertThat(db.count("SELECT count(gpu_power_w) FROM node_gpu"))
            .isEqualTo(stream.produced());
        assertThat(store.stats().lostTotal()).isZero();
        assertThat(store.stats().refusedTotal()).isZero();
        assertThat(store.stats().pointsWritten()).isEqualTo(2 * stream.produced());
      } finally {
        stream.stop();
        producer.join(10_000);
        store.close();
      }
    }
  }

  /** Stops InfluxDB for {@link #OUTAGE} after a while of writes; starts it again. */
  private static Outage runOutage(PrivateInflux influx, InfluxStore store) throws Exception {
    Thread.sleep(BEFORE_AND_AFTER.toMillis());
    assertThat(store.stats().pointsWritten()).isPositive();
    assertThat(store.stats().pointsSpooled()).isZero();
    influx.stop();
    long stoppedAt = System.nanoTime();
    long peakBytes = 0;
    try {
      while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
        Thread.sleep(1_000);
        peakBytes = Math.max(peakBytes, store.stats().spooledBytes());
        assertThat(store.stats().lostTotal()).isZero();
      }
      assertThat(store.stats().influxAnswering()).isFalse();
      assertThat(store.stats().spooledRecords()).isPositive();
    } finally {
      influx.start();
    }
    return new Outage(store.stats().pointsSpooled(), peakBytes);
  }

  private static void report(SteadyStream stream, StoreStats stats, Outage outage,
      long replayMillis) {
    LOG.info(String.format(Locale.ROOT, "InfluxOutageIT: %d readings (%d points) at %d/s, InfluxDB down %d s;"
        + " spooled %d points (peak %d bytes); spool empty %d ms after the stream stopped;"
        + " replayed %d points; write latency p50 %d ms, p99 %d ms; lost %d%n",
        stream.produced(), 2 * stream.produced(), READINGS_PER_SECOND, OUTAGE.toSeconds(),
        outage.spooledPoints(), outage.peakBytes(), replayMillis, stats.pointsReplayed(),
        stats.writeLatencyP50().toMillis(), stats.writeLatencyP99().toMillis(),
        stats.lostTotal()).strip());
  }

  private record Outage(long spooledPoints, long peakBytes) {}

  /**
   * 2,000 readings/s in rounds of 20 every 10 ms: round r carries nodes (r*20 % 200)..+19 at
   * the r*20/200-th tenth of a second after T0, so each (node, time) occurs once.
   */
  private static final class SteadyStream implements Runnable {
    private static final int PER_ROUND = 20;
    private static final long ROUND_NANOS = TimeUnit.SECONDS.toNanos(1) * PER_ROUND
        / READINGS_PER_SECOND;
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS)
        .minus(Duration.ofHours(1));

    private final InfluxStore store;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong produced = new AtomicLong();

    SteadyStream(InfluxStore store) {
      this.store = store;
    }

    @Override
    public void run() {
      long start = System.nanoTime();
      for (long round = 0; running.get(); round++) {
        long due = start + round * ROUND_NANOS;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        for (int i = 0; i < PER_ROUND; i++) {
          long index = round * PER_ROUND + i;
          store.accept(reading((int) (index % NODES), index / NODES), Instant.now());
        }
        produced.addAndGet(PER_ROUND);
      }
    }

    void stop() {
      running.set(false);
    }

    long produced() {
      return produced.get();
    }

    private static NodeReading reading(int node, long seq) {
      return Readings.reading().node(NodeId.of("site-a", String.format("n%03d", node)))
          .seq(seq).at(T0.plusMillis(seq * 100))
          .device(Device.gpu(0), MetricValues.builder()
              .set(NodeMetric.GPU_POWER_WATTS, 200 + seq % 100).build())
          .build();
    }
  }
}
