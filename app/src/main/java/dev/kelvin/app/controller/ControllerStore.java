package dev.kelvin.app.controller;

import dev.kelvin.app.models.ModelServing;
import dev.kelvin.app.ops.KelvinMetrics;
import dev.kelvin.app.ops.StoreHealth;
import dev.kelvin.app.ops.StoreMetrics;
import dev.kelvin.app.runtime.Closer;
import dev.kelvin.core.audit.MirroredAuditLog;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.port.ReadingSink;
import dev.kelvin.dashboard.DashboardSources;
import dev.kelvin.predictor.history.HistoryBackfill;
import dev.kelvin.telemetry.store.InfluxSettings;
import dev.kelvin.telemetry.store.InfluxStore;
import dev.kelvin.telemetry.store.StoreProgress;
import dev.kelvin.telemetry.store.history.InfluxHistory;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The controller's store when {@code store.influx} is configured, and nothing otherwise: the
 * ingest pipeline's sink, the audit log's mirror, the history of the dashboard and of the load
 * model's start ({@link HistoryBackfill}), the store's part of {@code /metrics} and {@code
 * /health}. Opened before the subscription, so that its spool is read (and what an earlier run
 * left replayed) before readings arrive, and closed after it.
 */
final class ControllerStore {
  private final Optional<InfluxSettings> settings;
  private final Optional<InfluxStore> store;
  private final Optional<InfluxHistory> history;
  private final HistoryBackfill backfill;

  private ControllerStore(Optional<InfluxSettings> settings, Optional<InfluxStore> store,
      Optional<InfluxHistory> history, HistoryBackfill backfill) {
    this.settings = settings;
    this.store = store;
    this.history = history;
    this.backfill = backfill;
  }

  /** Opens the store {@code settings} name, if any, closed by {@code closer}. */
  static ControllerStore open(Optional<InfluxSettings> settings, InstantSource clock,
      Closer closer, ControllerHealth health) {
    Optional<InfluxStore> store = settings.map(config -> closer.add("InfluxDB store",
        InfluxStore.open(config, clock)));
    store.ifPresent(opened -> health.add("store", () -> StoreHealth.of(opened.stats(),
        where(settings.get()))));
    Optional<InfluxHistory> history = settings.map(config -> closer.add("InfluxDB history",
        new InfluxHistory(config)));
    HistoryBackfill backfill = history.map(source -> closer.add("history backfill",
        HistoryBackfill.of(source, HistoryBackfill.DEFAULT_PARALLEL_QUERIES,
            System::nanoTime)))
        .orElse(HistoryBackfill.none());
    history.ifPresent(source -> health.add("history-backfill", () -> BackfillReport.health(
        backfill.stats(), where(settings.get()))));
    return new ControllerStore(settings, store, history, backfill);
  }

  /**
   * {@code serving} with each loader reading its models' history back at start from InfluxDB
   * when the store is configured; as it is otherwise (the models start from their live ticks).
   */
  ModelServing withHistory(ModelServing serving) {
    return history.isEmpty() ? serving : new ModelServing(serving.loaders().stream()
        .map(loader -> loader.withHistory(backfill)).toList(), serving.folders(),
        serving.reloadEvery());
  }

  /** What reads the history back: {@link HistoryBackfill#none()} without a store. */
  HistoryBackfill backfill() {
    return backfill;
  }

  /** How far the store has kept what it took; {@link StoreProgress#NONE} without a store. */
  StoreProgress progress() {
    return store.<StoreProgress>map(opened -> opened).orElse(StoreProgress.NONE);
  }

  /** Where kept readings and the nodes' changes of availability go: the store, or nowhere. */
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
    return history.map(sources::withHistory).orElse(sources);
  }

  void bind(KelvinMetrics metrics) {
    store.ifPresent(opened -> StoreMetrics.bind(metrics.registry(), opened::stats));
    history.ifPresent(source -> BackfillReport.bind(metrics.registry(), backfill,
        HistoryBackfill::stats));
  }

  private static String where(InfluxSettings settings) {
    return settings.url() + " database " + settings.database();
  }
}
