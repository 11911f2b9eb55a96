package dev.kelvin.telemetry.store.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends and replays of a realistic record, a batch of 5,000 points in line protocol (about
 * 500 KB), with fsync on and off, at the default settings. Small by default; {@code
 * -Dkelvin.bench.spool.records=1000} measures, and prints the figures the draft doc quotes
 * ({@code -Dkelvin.bench.spool.points=500} for smaller batches).
 */
class SpoolBenchTest {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolBenchTest.class);
  private static final int RECORDS = Integer.getInteger("kelvin.bench.spool.records", 20);
  private static final int POINTS = Integer.getInteger("kelvin.bench.spool.points", 5_000);

  @TempDir
  Path folder;

  @ParameterizedTest(name = "fsync {0}")
  @ValueSource(booleans = {true, false})
  void times_appends_and_replays_of_five_thousand_point_batches(boolean fsync) {
    byte[] batch = lineProtocolBatch();
    long[] appendNanos = new long[RECORDS];
    long replayNanos;
    int replayed = 0;
    try (DiskSpool spool = DiskSpool.open(SpoolSettings.defaults(folder).withFsync(fsync))) {
      for (int i = 0; i < RECORDS; i++) {
        long start = System.nanoTime();
        spool.append(batch);
        appendNanos[i] = System.nanoTime() - start;
      }
      assertThat(spool.stats().records()).isEqualTo(RECORDS);
      long start = System.nanoTime();
      for (Optional<SpooledRecord> r = spool.peek(); r.isPresent(); r = spool.peek()) {
        assertThat(r.get().bytes()).hasSameSizeAs(batch);
        spool.release(r.get());
        replayed++;
      }
      replayNanos = System.nanoTime() - start;
    }

    assertThat(replayed).isEqualTo(RECORDS);
    long total = Arrays.stream(appendNanos).sum();
    Arrays.sort(appendNanos);
    double appendsPerS = RECORDS / (total / 1e9);
    double replaysPerS = RECORDS / (replayNanos / 1e9);
    LOG.info(String.format(Locale.ROOT, "spool bench fsync=%s: %d records of %,d bytes (%,d points):"
        + " %.0f appends/s, %.1f MB/s, append p50 %.2f ms, p99 %.2f ms;"
        + " replay %.0f records/s, %.1f MB/s%n", fsync, RECORDS, batch.length, POINTS,
        appendsPerS, appendsPerS * batch.length / 1e6, appendNanos[RECORDS / 2] / 1e6,
        appendNanos[(int) Math.min(RECORDS - 1, Math.ceil(RECORDS * 0.99) - 1)] / 1e6,
        replaysPerS, replaysPerS * batch.length / 1e6).strip());
    assertThat(appendsPerS).isPositive();
  }

  /** Points as Telegraf writes them: node power, temperatures and GPU figures. */
  private static byte[] lineProtocolBatch() {
    StringBuilder lines = new StringBuilder(POINTS * 110);
    long ns = 1_717_171_717_000_000_000L;
    for (int i = 0; i < POINTS; i++) {
      int node = i / 5;
      switch (i % 5) {
        case 0 -> lines.append("ipmi_sensor,host=node").append(node).append(",rack=r")
            .append(node / 40).append(",name=cpu1_temp,unit=degrees_c value=")
            .append(40 + i % 37).append(".25,status=1i ");
        case 1 -> lines.append("powerstat_package,host=node").append(node)
            .append(",package_id=0 current_power_consumption_watts=").append(180 + i % 91)
            .append(".5,thermal_design_power_watts=270 ");
        case 2 -> lines.append("nvidia_smi,host=node").append(node).append(",index=0,name=H100")
            .append(" power_draw=").append(300 + i % 400).append(".1,temperature_gpu=")
            .append(50 + i % 30).append("i,utilization_gpu=").append(i % 100).append("i ");
        case 3 -> lines.append("cpu,host=node").append(node).append(",cpu=cpu-total usage_user=")
            .append(i % 100).append(".123456789,usage_system=3.5 ");
        default -> lines.append("mem,host=node").append(node).append(" used_percent=")
            .append(30 + i % 60).append(".75,available=").append(200_000_000_000L + i)
            .append("i ");
      }
      lines.append(ns + i * 1_000_000L).append('\n');
    }
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }
}
