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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Locale;

/**
 * How many points per second one store (one writer thread, default batches of 20,000 points)
 * gets into the test InfluxDB on this machine, readings offered as fast as one thread can: the
 * figure in docs/telemetry.md. Asserts a floor well below it, so that a slow shared machine
 * does not fail it, while a store that stopped batching would. {@code
 * -Dkelvin.it.batch_points=N} and {@code -Dkelvin.it.queue_batches=N} try other settings.
 */
class InfluxThroughputIT {
  private static final Logger LOG = LoggerFactory.getLogger(InfluxThroughputIT.class);
  private static final int READINGS = 200_000;
  private static final int POINTS_PER_READING = 5;

  @TempDir
  Path spoolDir;

  @Test
  void one_store_writes_tens_of_thousands_of_points_per_second() {
    List<NodeReading> readings = readings();
    try (InfluxTestDatabase db = InfluxTestDatabase.onTestServices()) {
      InfluxSettings defaults = db.settings(spoolDir);
      InfluxSettings settings = defaults.withBatching(
          Integer.getInteger("kelvin.it.batch_points", defaults.batchPoints()),
          defaults.flushInterval(),
          Integer.getInteger("kelvin.it.queue_batches", defaults.queueBatches()));
      InfluxStore store = InfluxStore.open(settings, InstantSource.system());
      long start = System.nanoTime();
      for (NodeReading reading : readings) {
        store.accept(reading, reading.at());
      }
      long offered = System.nanoTime();
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(10))
          .until(() -> store.stats().pointsWritten() >= (long) READINGS * POINTS_PER_READING
              || store.stats().lostTotal() > 0);
      long stored = System.nanoTime();
      store.close();
      StoreStats stats = store.stats();
      double seconds = (stored - start) / 1e9;
      LOG.info(String.format(Locale.ROOT, "InfluxThroughputIT: %d readings (%d points) offered in %.2f s, stored"
          + " in %.2f s: %.0f points/s, %.0f readings/s; %d batches, write latency p50 %d ms,"
          + " p99 %d ms; spooled %d points%n", READINGS, READINGS * POINTS_PER_READING,
          (offered - start) / 1e9, seconds, READINGS * POINTS_PER_READING / seconds,
          READINGS / seconds, stats.batchesWritten(), stats.writeLatencyP50().toMillis(),
          stats.writeLatencyP99().toMillis(), stats.pointsSpooled()).strip());

      assertThat(db.count("SELECT count(seq) FROM node")).isEqualTo(READINGS);
      assertThat(stats.pointsWritten()).isEqualTo((long) READINGS * POINTS_PER_READING);
      assertThat(READINGS * POINTS_PER_READING / seconds).isGreaterThan(20_000);
    }
  }

  /** 1,000 nodes, 200 readings each 1 s apart, each with 4 GPUs. */
  private static List<NodeReading> readings() {
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1));
    MetricValues gpu = MetricValues.builder().set(NodeMetric.GPU_POWER_WATTS, 280)
        .set(NodeMetric.GPU_TEMP_CELSIUS, 64).set(NodeMetric.GPU_UTIL_RATIO, 0.9).build();
    List<NodeReading> readings = new ArrayList<>(READINGS);
    for (int seq = 0; seq < READINGS / 1_000; seq++) {
      for (int node = 0; node < 1_000; node++) {
        Readings reading = Readings.reading().node(NodeId.of("site-a", "n" + node)).seq(seq)
            .at(t0.plusSeconds(seq));
        for (int index = 0; index < POINTS_PER_READING - 1; index++) {
          reading.device(Device.gpu(index), gpu);
        }
        readings.add(reading.build());
      }
    }
    return readings;
  }
}
