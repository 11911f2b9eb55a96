package dev.kelvin.telemetry.store;

import dev.kelvin.telemetry.store.spool.SpoolStats;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link InfluxStore} did since it started, and its state now: for {@code /metrics} and
 * {@code /health}. Counts are points (a node reading is one point plus one per device).
 *
 * @param pointsWritten stored in InfluxDB, at the first try or replayed
 * @param batchesWritten writes InfluxDB answered with success (or a partial write)
 * @param pointsSpooled put in the spool because InfluxDB did not take them (or the spool
 *     already held older ones)
 * @param pointsReplayed written from the spool (part of {@code pointsWritten})
 * @param replayPointsPerSecond replayed per second over the last 10 s
 * @param writeFailures writes that failed (no answer, timeout, 5xx, login refused)
 * @param writeLatencyP50 the median duration of the last 1,024 writes InfluxDB answered
 * @param writeLatencyP99 their 99th percentile
 * @param pointsLost neither stored nor spooled, by reason ({@code spool_full},
 *     {@code spool_failed}, {@code closed}, {@code internal_error}): never silently
 * @param pointsRefused refused by InfluxDB for good (400), by reason
 *     ({@code field_type_conflict}, {@code beyond_retention}, {@code unparseable},
 *     {@code bad_request})
 * @param influxAnswering false from a failed write until the next one succeeds
 * @param spoolAlarm true while the spool refuses records (full, or failing): readings are lost
 * @param spool what the spool holds now (records and bytes) and what it found damaged
 */
public record StoreStats(long pointsWritten, long batchesWritten, long pointsSpooled,
    long pointsReplayed, double replayPointsPerSecond, long writeFailures,
    Duration writeLatencyP50, Duration writeLatencyP99, Map<String, Long> pointsLost,
    Map<String, Long> pointsRefused, boolean influxAnswering, boolean spoolAlarm,
    SpoolStats spool) {
  public StoreStats {
    Objects.requireNonNull(writeLatencyP50, "writeLatencyP50");
    Objects.requireNonNull(writeLatencyP99, "writeLatencyP99");
    pointsLost = Map.copyOf(pointsLost);
    pointsRefused = Map.copyOf(pointsRefused);
    Objects.requireNonNull(spool, "spool");
  }

  /** Points lost, all reasons together. */
  public long lostTotal() {
    return pointsLost.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Points InfluxDB refused, all reasons together. */
  public long refusedTotal() {
    return pointsRefused.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Records waiting in the spool now. */
  public long spooledRecords() {
    return spool.records();
  }

  /** Bytes the spool holds now. */
  public long spooledBytes() {
    return spool.bytes();
  }
}
