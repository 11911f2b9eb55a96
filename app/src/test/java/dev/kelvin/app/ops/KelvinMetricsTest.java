package dev.kelvin.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kelvin.actuators.AckRefusal;
import dev.kelvin.actuators.ExecutorStats;
import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.LapseReason;
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
import dev.kelvin.policy.audit.AuditLogStatus;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
    metrics.bindSession("telemetry", () -> new SessionStats(3, 2, 1, 5, 1, 10, 0, 99, true));

    assertThat(metrics.scrape())
        .contains("kelvin_mqtt_connections_lost_total{client=\"telemetry\"} 2.0")
        .contains("kelvin_mqtt_takeovers_total{client=\"telemetry\"} 1.0")
        .contains("kelvin_mqtt_refusals_total{client=\"telemetry\"} 1.0")
        .contains("kelvin_mqtt_connected{client=\"telemetry\"} 1.0");
  }

  @Test
  void refused_acks_are_counted_by_reason_and_commands_by_outcome() {
    metrics.bindExecutor(() -> new ExecutorStats(4, 3, 0, 0, 1, 0, Map.of(
        AckRefusal.LEASE_TOO_LONG, 2L, AckRefusal.WRONG_NODE, 1L), 0));

    assertThat(metrics.scrape())
        .contains("kelvin_actuator_acks_refused_total{reason=\"lease_too_long\"} 2.0")
        .contains("kelvin_actuator_acks_refused_total{reason=\"wrong_node\"} 1.0")
        .contains("kelvin_actuator_acks_refused_total{reason=\"unknown_command\"} 0.0")
        .contains("kelvin_actuator_acks_refused_total{reason=\"duplicate\"} 0.0")
        .contains("kelvin_actuator_commands_total{outcome=\"applied\"} 3.0");
    for (AckRefusal reason : AckRefusal.values()) {
      assertThat(metrics.scrape()).contains("kelvin_actuator_acks_refused_total{reason=\""
          + reason.label() + "\"}");
    }
  }

  @Test
  void the_audit_file_reports_records_it_could_not_take_and_whether_it_takes_them_now() {
    metrics.bindAuditFile(() -> new AuditLogStatus(Path.of("audit.jsonl"), 12, 0, 0,
        List.of(), 9, 3, 5, 0, "java.io.IOException: No space left on device"));

    assertThat(metrics.scrape()).contains("kelvin_audit_records_unwritten_total 5.0")
        .contains("kelvin_audit_unwritten 3.0").contains("kelvin_audit_write_failures_total 9.0")
        .contains("kelvin_audit_writing 0.0");
  }

  @Test
  void lapses_are_counted_by_reason() {
    metrics.bindLapses(reason -> reason == LapseReason.NODE_STALE ? 32 : 0);

    assertThat(metrics.scrape())
        .contains("kelvin_setpoints_lapsed_total{reason=\"node_stale\"} 32.0")
        .contains("kelvin_setpoints_lapsed_total{reason=\"lease_ran_out\"} 0.0");
  }

  @Test
  void figures_bound_through_a_lambda_survive_a_garbage_collection() {
    AtomicLong lapsed = new AtomicLong(7);
    metrics.bindLapses(reason -> lapsed.get());
    metrics.bindSession("actuators", () -> new SessionStats(1, 0, 0, 0, 0, 0, 0, 0, true));

    collectGarbage();

    assertThat(metrics.scrape())
        .contains("kelvin_setpoints_lapsed_total{reason=\"node_stale\"} 7.0")
        .contains("kelvin_mqtt_connected{client=\"actuators\"} 1.0");
  }

  /** Runs the collector until a weakly held object is gone. */
  private static void collectGarbage() {
    WeakReference<Object> sentinel = new WeakReference<>(new Object());
    for (int i = 0; i < 50 && sentinel.get() != null; i++) {
      System.gc();
    }
    assertThat(sentinel.get()).as("a collection ran").isNull();
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
