package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.testkit.Readings;
import dev.kelvin.dashboard.DashboardStats;
import dev.kelvin.dashboard.Refusal;
import dev.kelvin.mqtt.SessionStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * /metrics quotes the figures of the latest control tick and the counting audit log, the ones
 * the status line and the dashboard show, and reads nothing else: no snapshot on a scrape.
 */
class KelvinMetricsTest {
  private final KelvinMetrics metrics = new KelvinMetrics();

  @Test
  void cluster_figures_come_from_the_latest_tick_and_agree_with_the_status_line() {
    AtomicReference<Optional<TickReport>> lastTick = new AtomicReference<>(Optional.empty());
    metrics.bindTicks(lastTick::get);
    assertThat(metrics.scrape()).contains("kelvin_nodes NaN");

    TickReport tick = tick(view("n01", 91, false), view("n02", 70, false),
        view("n03", 99, true));
    lastTick.set(Optional.of(tick));
    String text = metrics.scrape();

    assertThat(text).contains("kelvin_nodes 2.0").contains("kelvin_nodes_stale 1.0")
        .contains("kelvin_cluster_power_watts 600.0").contains("kelvin_cpu_hottest_celsius 91.0")
        .contains("kelvin_setpoints_held 4.0");
    assertThat(StatusLine.of(tick, 0, new IngestCounters().stats()))
        .startsWith("3 nodes (1 stale), 0.6 kW, hottest site-a/n01 91.0 °C (limit 85 °C),"
            + " 4 setpoints held");
  }

  @Test
  void actions_are_counted_by_stage_as_the_audit_log_counts_them() {
    CountingAuditLog audit = new CountingAuditLog(new InMemoryAuditLog(10));
    metrics.bindAudit(audit);
    SetCpuFrequencyCap cap = new SetCpuFrequencyCap(new ActionMeta(new ActionId("a-1"),
        "thermal-cap-cpu", "too hot", List.of(), MutableClock.START, Duration.ofMinutes(2)),
        NodeId.of("site-a", "n01"), 2800);
    audit.append(AuditEvent.of(MutableClock.START, AuditStage.APPROVED, cap, "approved"));
    audit.append(AuditEvent.of(MutableClock.START, AuditStage.APPLIED, cap, "applied"));

    assertThat(metrics.scrape()).contains("kelvin_actions_total{stage=\"applied\"} 1.0")
        .contains("kelvin_actions_total{stage=\"rejected\"} 0.0");
    assertThat(audit.count(AuditStage.APPLIED)).isEqualTo(1);
  }

  @Test
  void each_mqtt_session_reports_under_its_client_name() {
    metrics.bindSession("telemetry", () -> new SessionStats(3, 2, 5, 1, 10, 0, 99, true));

    assertThat(metrics.scrape())
        .contains("kelvin_mqtt_connections_lost_total{client=\"telemetry\"} 2.0")
        .contains("kelvin_mqtt_refusals_total{client=\"telemetry\"} 1.0")
        .contains("kelvin_mqtt_connected{client=\"telemetry\"} 1.0");
  }

  @Test
  void the_dashboards_streams_and_refusals_by_reason_are_reported() {
    metrics.bindDashboard(() -> new DashboardStats(3, 2, Map.of(Refusal.FOREIGN_HOST, 7L,
        Refusal.SLOW_REQUEST, 1L)));

    assertThat(metrics.scrape()).contains("kelvin_dashboard_streams 3.0")
        .contains("kelvin_dashboard_streams_dropped_total 2.0")
        .contains("kelvin_dashboard_refused_total{reason=\"foreign_host\"} 7.0")
        .contains("kelvin_dashboard_refused_total{reason=\"stream_limit\"} 0.0")
        .contains("kelvin_dashboard_refused_total{reason=\"slow_request\"} 1.0");
  }

  private static TickReport tick(NodeView... views) {
    ClusterSnapshot snapshot = ClusterSnapshot.of(MutableClock.START, List.of(views));
    return new TickReport(MutableClock.START, ClusterSummary.of(snapshot), List.of(), 0, 0, 0,
        0, 0, 0, 4, List.of(), Duration.ofMillis(3));
  }

  private static NodeView view(String node, double celsius, boolean stale) {
    NodeReading reading = Readings.reading().node(node)
        .with(NodeMetric.CPU_TEMP_CELSIUS, celsius).build();
    return new NodeView(reading.node(), reading.rack(), reading, List.of(reading),
        reading.at(), stale);
  }
}
