package dev.kelvin.dashboard;

import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.time.Scheduler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the dashboard shows, as live core objects the composition root wires in. Every supplier
 * is called from the dashboard's threads and must be thread-safe and quick.
 *
 * @param cluster the live cluster state (or the simulator's view), for the node table
 * @param scheduler the time at which snapshots are taken and ages measured, and the pushes
 * @param lastTick the latest control tick: its predictions and its summary figures (so that
 *     the page shows what the status line and {@code /metrics} show)
 * @param audit the audit log the action log is built from, with its counts by stage
 * @param ingest ingestion counts since start
 * @param health the controller's health for {@code /health}
 * @param prometheusText the Prometheus exposition text for {@code /metrics}
 * @param approvals the actions held for an operator: the control loop's own store, which the
 *     approve and reject routes decide on
 * @param models the models served and refused, for {@code /api/models}
 * @param history where {@code /api/history} reads past total power from (InfluxDB when the
 *     store is configured); empty answers from the dashboard's own ten-minute window, which
 *     starts empty at every start
 */
public record DashboardSources(ClusterView cluster, Scheduler scheduler,
    Supplier<Optional<TickReport>> lastTick, CountingAuditLog audit,
    Supplier<IngestStats> ingest, Supplier<Health> health, Supplier<String> prometheusText,
    ApprovalStore approvals, Supplier<ModelsView> models, Optional<HistorySource> history) {
  public DashboardSources {
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(approvals, "approvals");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(lastTick, "lastTick");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(prometheusText, "prometheusText");
  }

  /** Sources without a history backend: {@code /api/history} answers its own window. */
  public DashboardSources(ClusterView cluster, Scheduler scheduler,
      Supplier<Optional<TickReport>> lastTick, CountingAuditLog audit,
      Supplier<IngestStats> ingest, Supplier<Health> health, Supplier<String> prometheusText,
      ApprovalStore approvals, Supplier<ModelsView> models) {
    this(cluster, scheduler, lastTick, audit, ingest, health, prometheusText, approvals, models,
        Optional.empty());
  }

  /** Sources without models: {@code /api/models} lists none. */
  public DashboardSources(ClusterView cluster, Scheduler scheduler,
      Supplier<Optional<TickReport>> lastTick, CountingAuditLog audit,
      Supplier<IngestStats> ingest, Supplier<Health> health, Supplier<String> prometheusText,
      ApprovalStore approvals) {
    this(cluster, scheduler, lastTick, audit, ingest, health, prometheusText, approvals,
        () -> ModelsView.NONE);
  }

  /** Sources without a control loop's approvals: an empty store nothing is ever held in. */
  public DashboardSources(ClusterView cluster, Scheduler scheduler,
      Supplier<Optional<TickReport>> lastTick, CountingAuditLog audit,
      Supplier<IngestStats> ingest, Supplier<Health> health, Supplier<String> prometheusText) {
    this(cluster, scheduler, lastTick, audit, ingest, health, prometheusText,
        new ApprovalStore(audit, scheduler.clock(), ApprovalStore.DEFAULT_MAX_AGE));
  }

  /** These sources with {@code source} behind {@code /api/history}. */
  public DashboardSources withHistory(HistorySource source) {
    return new DashboardSources(cluster, scheduler, lastTick, audit, ingest, health,
        prometheusText, approvals, models, Optional.of(source));
  }
}
