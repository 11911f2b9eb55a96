package dev.kelvin.app.ops;

import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.validation.RejectReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.InstantSource;

/**
 * Kelvin's Prometheus metrics, all prefixed {@code kelvin_}: ingestion by outcome and reject
 * reason, nodes and cluster power, control tick duration, plus the JVM's own.
 */
public final class KelvinMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer tickTimer = Timer.builder("kelvin.control.tick")
      .description("Time one control tick takes to decide (snapshot, predict, rules, guard)")
      .publishPercentiles(0.5, 0.99).register(registry);

  public KelvinMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  public void bindIngest(IngestCounters counters) {
    FunctionCounter.builder("kelvin.ingest.accepted", counters, c -> c.stats().accepted())
        .description("Readings accepted into the live cluster state").register(registry);
    FunctionCounter.builder("kelvin.ingest.late", counters, c -> c.stats().late())
        .description("Valid readings older than the node's latest, kept out of the live view")
        .register(registry);
    for (RejectReason reason : RejectReason.values()) {
      FunctionCounter.builder("kelvin.ingest.rejected", counters,
              c -> c.rejectedCount(reason))
          .description("Inputs rejected, by reason").tag("reason", reason.label())
          .register(registry);
    }
  }

  public void bindCluster(ClusterView cluster, InstantSource clock) {
    Gauge.builder("kelvin.nodes", () -> fresh(cluster.snapshot(clock.instant())))
        .description("Nodes reporting fresh telemetry").register(registry);
    Gauge.builder("kelvin.nodes.stale", () -> stale(cluster.snapshot(clock.instant())))
        .description("Nodes whose telemetry is too old to act on").register(registry);
    Gauge.builder("kelvin.cluster.power", () -> cluster.snapshot(clock.instant())
            .totalPowerWatts())
        .description("Sum of the latest node power readings").baseUnit("watts")
        .register(registry);
  }

  public void recordTick(TickReport report) {
    tickTimer.record(report.took());
  }

  private static long stale(ClusterSnapshot snapshot) {
    return snapshot.views().stream().filter(view -> view.stale()).count();
  }

  private static long fresh(ClusterSnapshot snapshot) {
    return snapshot.nodes().size() - stale(snapshot);
  }
}
