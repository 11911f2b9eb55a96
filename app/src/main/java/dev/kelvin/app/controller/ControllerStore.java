package dev.kelvin.app.controller;

import dev.kelvin.app.ops.KelvinMetrics;
import dev.kelvin.app.ops.StoreHealth;
import dev.kelvin.app.ops.StoreMetrics;
import dev.kelvin.app.runtime.Closer;
import dev.kelvin.core.audit.MirroredAuditLog;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.dashboard.DashboardSources;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxStore;
import dev.kelvin.telemetry.store.history.InfluxHistory;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The controller's store when {@code store.influx} is configured, and nothing otherwise: the
 * ingest pipeline's sink, the audit log's mirror, the dashboard's history, the store's part of
 * {@code /metrics} and {@code /health}. Opened before the subscription, so that its spool is
 * read (and what an earlier run left replayed) before readings arrive, and closed after it.
 */
final class ControllerStore {
  private final Optional<InfluxSettings> settings;
  private final Optional<InfluxStore> store;
  private final Closer closer;

  private ControllerStore(Optional<InfluxSettings> settings, Optional<InfluxStore> store,
      Closer closer) {
    this.settings = settings;
    this.store = store;
    this.closer = closer;
  }

  /** Opens the store {@code settings} name, if any, closed by {@code closer}. */
  static ControllerStore open(Optional<InfluxSettings> settings, InstantSource clock,
      Closer closer, ControllerHealth health) {
    Optional<InfluxStore> store = settings.map(config -> closer.add("InfluxDB store",
        InfluxStore.open(config, clock)));
    store.ifPresent(opened -> health.add("store", () -> StoreHealth.of(opened.stats(),
        where(settings.get()))));
    return new ControllerStore(settings, store, closer);
  }

  /** Where kept readings go: the store, or nowhere. */
  ReadingSink sink() {
    return store.<ReadingSink>map(opened -> opened).orElse((reading, at) -> { });
  }

  /** {@code log}, each event also written to the store's {@code action} measurement. */
  AuditLog mirrored(AuditLog log) {
    return store.<AuditLog>map(opened -> new MirroredAuditLog(log, opened::recordAction))
        .orElse(log);
  }

  /** {@code sources} with their history from InfluxDB when the store is configured. */
  DashboardSources withHistory(DashboardSources sources) {
    return settings.map(config -> sources.withHistory(closer.add("InfluxDB history",
        new InfluxHistory(config)))).orElse(sources);
  }

  void bind(KelvinMetrics metrics) {
    store.ifPresent(opened -> StoreMetrics.bind(metrics.registry(), opened::stats));
  }

  private static String where(InfluxSettings settings) {
    return settings.url() + " database " + settings.database();
  }
}
