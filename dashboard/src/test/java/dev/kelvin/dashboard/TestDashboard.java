package dev.kelvin.dashboard;

import dev.kelvin.core.action.ActionId;
import dev.kelvin.core.action.ActionMeta;
import dev.kelvin.core.action.Fact;
import dev.kelvin.core.action.SetCpuFrequencyCap;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.port.HistorySource;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.testkit.MutableClock;
import dev.kelvin.core.time.WallClockScheduler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A dashboard on a free port over real core objects that a test feeds: a cluster state, an
 * in-memory audit log, ingest counters, and the latest predictions, health and metrics text.
 */
final class TestDashboard implements AutoCloseable {
  final MutableClock clock = new MutableClock();
  final ClusterState state = new ClusterState(StateSettings.defaults());
  final WallClockScheduler scheduler = new WallClockScheduler("test-dashboard", 1, clock);
  final CountingAuditLog audit = new CountingAuditLog(new InMemoryAuditLog(10_000));
  final IngestCounters ingest = new IngestCounters();
  final ApprovalStore approvals = new ApprovalStore(audit, clock, Duration.ofHours(1));
  final AtomicReference<List<Prediction>> predictions = new AtomicReference<>(List.of());
  final AtomicReference<Health> health = new AtomicReference<>(Health.of(Map.of()));
  final AtomicReference<String> metrics = new AtomicReference<>("kelvin_up 1\n");
  final AtomicReference<ModelsView> models = new AtomicReference<>(ModelsView.NONE);
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  final Optional<HistorySource> history;
  final DashboardServer server;

  TestDashboard(DashboardSettings settings, StreamLimits limits,
      Optional<HistorySource> history) {
    this.history = history;
    server = DashboardServer.start(settings, sources(), limits);
  }

  TestDashboard(DashboardSettings settings, StreamLimits limits) {
    this(settings, limits, Optional.empty());
  }

  /** A dashboard whose {@code /api/history} reads from {@code history}. */
  TestDashboard(HistorySource history) {
    this(new DashboardSettings("127.0.0.1", 0, Duration.ofMillis(100)), StreamLimits.DEFAULTS,
        Optional.of(history));
  }

  TestDashboard(Duration pushInterval, StreamLimits limits) {
    this(new DashboardSettings("127.0.0.1", 0, pushInterval), limits);
  }

  TestDashboard(Duration pushInterval) {
    this(pushInterval, StreamLimits.DEFAULTS);
  }

  TestDashboard() {
    this(Duration.ofMillis(100));
  }

  DashboardSources sources() {
    DashboardSources sources = new DashboardSources(state, scheduler, this::lastTick, audit,
        ingest::stats, health::get, metrics::get, approvals, models::get);
    return history.map(sources::withHistory).orElse(sources);
  }

  /** A tick as the control loop would report it now: the predictions set and the summary. */
  Optional<TickReport> lastTick() {
    ClusterSummary summary = ClusterSummary.of(state.snapshot(clock.instant()));
    return Optional.of(new TickReport(clock.instant(), summary, predictions.get(), 0, 0, 0, 0,
        0, 0, 0, List.of(), Duration.ZERO));
  }

  void admit(NodeReading reading) {
    state.admit(reading, clock.instant());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path))
        .timeout(Duration.ofSeconds(10)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(server.uri().resolve(path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  /** Appends one audit record of a CPU cap on {@code node} with {@code id} at {@code stage}. */
  void record(String id, String node, AuditStage stage, String detail) {
    audit.append(AuditEvent.of(clock.instant(), stage, cap(id, node, "thermal-cap"), detail));
  }

  SetCpuFrequencyCap cap(String id, String node, String rule) {
    ActionMeta meta = new ActionMeta(new ActionId(id), rule, "CPU at 91 °C, limit 85 °C",
        List.of(new Fact("cpu_temp_c", 91.2, "°C")), clock.instant(), Duration.ofSeconds(60));
    return new SetCpuFrequencyCap(meta, NodeId.of("site-a", node), 2400);
  }

  @Override
  public void close() {
    server.close();
    scheduler.close();
  }
}
