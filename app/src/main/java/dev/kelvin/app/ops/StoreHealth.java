package dev.kelvin.app.ops;

import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import dev.kelvin.telemetry.store.StoreStats;
import java.util.Locale;

/**
 * The store's part of {@code /health}: DOWN while the spool is full (readings are being lost,
 * the alarm), DEGRADED while InfluxDB does not take writes or the spool still holds records
 * (nothing lost: spooled, replayed once InfluxDB answers), UP otherwise.
 */
public final class StoreHealth {
  private StoreHealth() {}

  public static Component of(StoreStats stats, String where) {
    String spool = String.format(Locale.ROOT, "spool %d record(s), %.1f MiB of %.0f MiB",
        stats.spooledRecords(), stats.spooledBytes() / 1048576.0,
        stats.spool().limitBytes() / 1048576.0);
    if (stats.spoolAlarm()) {
      return new Component(Status.DOWN, "ALARM: the spool is full (" + spool + "): readings"
          + " that InfluxDB at " + where + " does not take are being lost, "
          + stats.lostTotal() + " point(s) so far; free disk space or raise"
          + " store.influx.spool_limit, and bring InfluxDB back");
    }
    if (!stats.influxAnswering()) {
      return new Component(Status.DEGRADED, "InfluxDB at " + where + " does not take writes;"
          + " readings are spooled (" + spool + ") and replayed in order once it answers");
    }
    if (stats.spooledRecords() > 0) {
      return new Component(Status.DEGRADED, String.format(Locale.ROOT, "replaying the spool"
          + " into %s at %.0f points/s (%s)", where, stats.replayPointsPerSecond(), spool));
    }
    return new Component(Status.UP, String.format(Locale.ROOT, "writing to %s: %d point(s)"
        + " stored, write p99 %d ms, %d lost, %d refused", where, stats.pointsWritten(),
        stats.writeLatencyP99().toMillis(), stats.lostTotal(), stats.refusedTotal()));
  }
}
