package dev.kelvin.dashboard;

import dev.kelvin.core.ingest.IngestStats;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.prediction.Prediction;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the dashboard shows, as live core objects the composition root wires in. Every supplier
 * is called from the dashboard's threads and must be thread-safe and quick.
 *
 * @param cluster the live cluster state (or the simulator's view)
 * @param clock the time at which snapshots are taken and ages are measured
 * @param predictions the predictions of the latest control tick
 * @param audit the audit log the action log is built from
 * @param ingest ingestion counts since start
 * @param health the controller's health for {@code /health}
 * @param prometheusText the Prometheus exposition text for {@code /metrics}
 */
public record DashboardSources(ClusterView cluster, InstantSource clock,
    Supplier<List<Prediction>> predictions, AuditLog audit, Supplier<IngestStats> ingest,
    Supplier<Health> health, Supplier<String> prometheusText) {
  public DashboardSources {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(predictions, "predictions");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(prometheusText, "prometheusText");
  }
}
