package dev.kelvin.app.ops;

import static dev.kelvin.app.ops.StatsMeters.counter;
import static dev.kelvin.app.ops.StatsMeters.gauge;

import dev.kelvin.telemetry.store.StoreStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * The InfluxDB store on {@code /metrics}: points written, spooled and replayed, the spool's
 * depth, the write latency, and points lost or refused by reason (docs/telemetry.md).
 */
public final class StoreMetrics {
  /** Reasons the store counts points as lost; each gets its series from the start. */
  static final List<String> LOST = List.of("spool_full", "spool_failed", "closed",
      "internal_error");
  /** Reasons InfluxDB refuses points for good. */
  static final List<String> REFUSED = List.of("field_type_conflict", "beyond_retention",
      "unparseable", "bad_request");

  private StoreMetrics() {}

  /**
   * Registers the store's meters, each reading {@code stats} when scraped. Micrometer holds a
   * meter's object weakly, and {@code stats} is often a method reference made for this call:
   * each meter's function captures it, so that it lives as long as the meters (else it is
   * collected at the next GC and every meter reads NaN).
   */
  public static void bind(MeterRegistry registry, Supplier<StoreStats> stats) {
    counter(registry, stats, "kelvin.store.points.written", "Points stored in InfluxDB",
        StoreStats::pointsWritten);
    counter(registry, stats, "kelvin.store.batches.written", "Writes InfluxDB answered",
        StoreStats::batchesWritten);
    counter(registry, stats, "kelvin.store.points.spooled", "Points kept in the disk spool"
        + " because InfluxDB did not take them", StoreStats::pointsSpooled);
    counter(registry, stats, "kelvin.store.points.replayed", "Points written from the spool",
        StoreStats::pointsReplayed);
    counter(registry, stats, "kelvin.store.write.failures", "Writes that failed (no answer,"
        + " timeout, 5xx, login refused)", StoreStats::writeFailures);
    gauge(registry, stats, "kelvin.store.spool.records", "Records waiting in the spool",
        StoreStats::spooledRecords);
    gauge(registry, stats, "kelvin.store.spool.bytes", "Bytes the spool holds",
        StoreStats::spooledBytes);
    gauge(registry, stats, "kelvin.store.replay.points.per.second", "Points replayed per"
        + " second over the last 10 s", StoreStats::replayPointsPerSecond);
    gauge(registry, stats, "kelvin.store.write.seconds.p50", "Median write latency",
        s -> s.writeLatencyP50().toNanos() / 1e9);
    gauge(registry, stats, "kelvin.store.write.seconds.p99", "99th percentile write latency",
        s -> s.writeLatencyP99().toNanos() / 1e9);
    gauge(registry, stats, "kelvin.store.influx.up", "1 while InfluxDB takes writes",
        s -> s.influxAnswering() ? 1 : 0);
    gauge(registry, stats, "kelvin.store.spool.alarm", "1 while the spool refuses records:"
        + " readings are being lost", s -> s.spoolAlarm() ? 1 : 0);
    gauge(registry, stats, "kelvin.store.spool.torn", "Records found torn on opening the spool",
        s -> s.spool().tornRecords());
    gauge(registry, stats, "kelvin.store.spool.corrupt", "Records found corrupt in the spool",
        s -> s.spool().corruptRecords());
    tagged(registry, stats, "kelvin.store.points.lost", "Points neither stored nor spooled",
        LOST, StoreStats::pointsLost);
    tagged(registry, stats, "kelvin.store.points.refused", "Points InfluxDB refused for good",
        REFUSED, StoreStats::pointsRefused);
  }


  private static void tagged(MeterRegistry registry, Supplier<StoreStats> stats, String name,
      String description, List<String> reasons,
      java.util.function.Function<StoreStats, java.util.Map<String, Long>> byReason) {
    for (String reason : reasons) {
      FunctionCounter.builder(name, stats,
              s -> byReason.apply(stats.get()).getOrDefault(reason, 0L))
          .tag("reason", reason).description(description).register(registry);
    }
  }
}
