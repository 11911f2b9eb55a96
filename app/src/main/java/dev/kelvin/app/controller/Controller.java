package dev.kelvin.app.controller;

import dev.kelvin.actuators.ActuatorException;
import dev.kelvin.actuators.MqttCommandExecutor;
import dev.kelvin.app.StartupException;
import dev.kelvin.app.models.ModelMetrics;
import dev.kelvin.app.models.ModelsReport;
import dev.kelvin.app.ops.BacklogMetrics;
import dev.kelvin.app.ops.KelvinMetrics;
import dev.kelvin.app.ops.StatusLine;
import dev.kelvin.app.runtime.Closer;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.dashboard.DashboardServer;
import dev.kelvin.dashboard.DashboardSources;
import dev.kelvin.dashboard.Health;
import dev.kelvin.policy.audit.JsonlAuditLog;
import dev.kelvin.policy.guard.SafetyGuard;
import dev.kelvin.predictor.serve.ModelPredictor;
import dev.kelvin.predictor.serve.ModelRegistry;
import dev.kelvin.telemetry.IngestFormats;
import dev.kelvin.telemetry.IngestWorker;
import dev.kelvin.telemetry.TelemetryException;
import dev.kelvin.telemetry.TelemetrySubscriber;
import dev.kelvin.telemetry.decode.IngestPipeline;
import dev.kelvin.core.port.ReadingSink;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller, assembled once for every command: live cluster state fed by the telemetry
 * subscriber, the served models (and the power model, when trained at start), the rules, the
 * safety guard, the MQTT actuator, the audit log,
 * the control loop ticking on its scheduler, the status line, health, metrics and the
 * dashboard. {@code kelvin demo} adds an embedded broker and a simulated site with its agents;
 * {@code kelvin run} points it at a real broker; a virtual-time test gives it a loopback
 * broker and one virtual scheduler. {@link #close()} stops everything, newest first; the audit
 * log, opened first, closes last, after everything that could still report a result. While the
 * audit file cannot be written, every tick first tries to write what it kept in memory, so the
 * controller acts again by itself once the file can take records.
 */
public final class Controller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

  private final Closer closer = new Closer();
  private final ControllerSettings settings;
  private final ControllerParts parts;
  /** Made once the store is open, so that it hands the nodes' changes of availability on. */
  private ClusterState state;
  private final IngestCounters ingest = new IngestCounters();
  private final KelvinMetrics metrics = new KelvinMetrics();
  private final ControllerHealth health;
  private Optional<JsonlAuditLog> auditFile = Optional.empty();
  private CountingAuditLog audit;
  private TelemetrySubscriber telemetry;
  private IngestWorker ingestWorker;
  private IngestFormats.Codecs codecs;
  private ControllerStore store;
  private MqttCommandExecutor executor;
  private ModelRegistry models;
  private ModelPredictor modelPredictor;
  private ControlLoop loop;
  private Optional<DashboardServer> dashboard = Optional.empty();

  private Controller(ControllerSettings settings, ControllerParts parts) {
    this.settings = settings;
    this.parts = parts;
    this.health = new ControllerHealth(this);
  }

  /**
   * Starts every part and returns once the controller decides; on failure stops what had
   * started and rethrows.
   *
   * @throws StartupException with a one-line reason for what the operator can fix
   */
  public static Controller start(ControllerSettings settings, ControllerParts parts) {
    Controller controller = new Controller(settings, parts);
    try {
      controller.boot();
      return controller;
    } catch (RuntimeException | Error e) {
      controller.close();
      throw e;
    }
  }

  private void boot() {
    store = ControllerStore.open(settings.store(), scheduler("telemetry").clock(), closer,
        health);
    state = new ClusterState(settings.state(), store.sink());
    state.replaceBudgets(settings.budgets());
    openAudit();
    connect();
    startLoop();
    settings.dashboard().ifPresent(dashboardSettings -> dashboard = Optional.of(closer.add(
        "dashboard", DashboardServer.start(dashboardSettings, dashboardSources()))));
    bindMetrics();
  }

  private void openAudit() {
    ControllerSettings.Audit config = settings.audit();
    if (config.file().isEmpty()) {
      audit = new CountingAuditLog(store.mirrored(
          new InMemoryAuditLog(config.memoryRecords())));
      return;
    }
    auditFile = Optional.of(closer.add("audit log", AuditFiles.open(config,
        scheduler("control").clock())));
    audit = new CountingAuditLog(store.mirrored(auditFile.get()));
  }

  private void connect() {
    Scheduler ingestClock = scheduler("telemetry");
    AtomicReference<TelemetrySubscriber> replies = new AtomicReference<>();
    codecs = settings.telemetry().formats().codecs(settings.telemetry().topics(),
        settings.telemetry().maxPayloadBytes(), (topic, payload) -> replies.get()
            .publish(topic, payload));
    ReadingSink sink = store.sink();
    IngestPipeline pipeline = new IngestPipeline(codecs.router(), state, ingest, sink,
        ingestClock.clock(), settings.telemetry().rejectLogPeriod());
    ingestWorker = new IngestWorker(pipeline, settings.telemetry().backlog(),
        settings.state().staleAfter(), settings.state().maxNodes(), ingestClock,
        settings.telemetry().rejectLogPeriod(), store.progress());
    telemetry = closer.add("telemetry subscriber", new TelemetrySubscriber(
        settings.telemetry(), ingestWorker, parts.transport(), ingestClock));
    replies.set(telemetry);
    executor = closer.add("MQTT actuator", new MqttCommandExecutor(settings.actuators(),
        parts.transport(), scheduler("actuators")));
    try {
      telemetry.start();
      executor.start();
    } catch (TelemetryException | ActuatorException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }

  private void startLoop() {
    SafetyGuard guard = new SafetyGuard(settings.guard(), audit::writing);
    Scheduler control = scheduler("control");
    Predictor predictor = predictor(control);
    ActionExecutor actions = parts.workloadActions().map(slurm -> slurm.before(executor))
        .orElse(executor);
    loop = new ControlLoop(new ControlLoop.Ports(state, predictor, parts.rules(), guard,
        actions, audit), control.clock(), ingestWorker.monitor(),
        new ApprovalStore(audit, control.clock(), settings.approvalMaxAge()));
    Scheduler.Task ticks = control.every("control tick", Duration.ZERO, settings.tick(),
        () -> tick(control.now()));
    closer.add("control loop", ticks::cancel);
    Scheduler.Task status = control.every("status line", settings.statusEvery(),
        settings.statusEvery(), this::logStatus);
    closer.add("status line", status::cancel);
  }

  /**
   * The served models, read now and reloaded on a scheduler of their own (reading a model file
   * never delays a tick), plus the power model trained at start, when there is one.
   */
  private Predictor predictor(Scheduler control) {
    models = closer.add("model registry", store.withHistory(parts.models())
        .start(scheduler("models")));
    modelPredictor = new ModelPredictor(models::active,
        ModelMetrics.timings(metrics.registry()), control.clock());
    if (parts.forecaster().isEmpty()) {
      return modelPredictor;
    }
    Predictor forecaster = parts.forecaster().get();
    return snapshot -> {
      List<Prediction> all = new ArrayList<>(modelPredictor.predict(snapshot));
      all.addAll(forecaster.predict(snapshot));
      return all;
    };
  }

  private void tick(Instant now) {
    auditFile.filter(file -> !file.writing()).ifPresent(JsonlAuditLog::retryUnwritten);
    TickReport report = loop.tick(now);
    metrics.recordTick(report);
    report.problems().forEach(problem -> LOG.warn("control tick: {}", problem));
  }

  private void logStatus() {
    loop.lastTick().filter(tick -> tick.nodes() > 0).ifPresent(tick -> LOG.info(
        StatusLine.of(tick, audit.count(AuditStage.APPLIED), ingest.stats())));
  }

  /** What the dashboard shows; its history from InfluxDB when the store is configured. */
  private DashboardSources dashboardSources() {
    DashboardSources sources = new DashboardSources(state, scheduler("dashboard"),
        this::lastTick, audit, ingest::stats, health::current, metrics::scrape,
        loop.approvals(), () -> ModelsReport.view(models.status()));
    return store.withHistory(sources);
  }

  private void bindMetrics() {
    metrics.bindIngest(ingest);
    metrics.bindForgottenNodes(state::forgottenNodes);
    metrics.bindTicks(this::lastTick);
    metrics.bindAudit(audit);
    metrics.bindLapses(loop::lapses);
    auditFile.ifPresent(file -> metrics.bindAuditFile(file::status));
    metrics.bindExecutor(executor::stats);
    metrics.bindSession("telemetry", telemetry::stats);
    BacklogMetrics.bind(metrics.registry(), ingestWorker);
    metrics.bindSession("actuators", executor::sessionStats);
    parts.forecaster().ifPresent(model -> metrics.bindForecaster(model::stats));
    ModelMetrics.bind(metrics.registry(), models, modelPredictor);
    dashboard.ifPresent(server -> metrics.bindDashboard(server::stats));
    store.bind(metrics);
  }

  private Scheduler scheduler(String role) {
    return parts.schedulers().get(role);
  }

  /** The report of the latest control tick, empty before the first. */
  public Optional<TickReport> lastTick() {
    return loop == null ? Optional.empty() : loop.lastTick();
  }

  /** The model files served, reloaded and refused. */
  public ModelRegistry models() {
    return models;
  }

  public ClusterState state() {
    return state;
  }

  public CountingAuditLog audit() {
    return audit;
  }

  public IngestCounters ingest() {
    return ingest;
  }

  public KelvinMetrics metrics() {
    return metrics;
  }

  /** The controller's health now, with the components added by {@link #healthOf}. */
  public Health health() {
    return health.current();
  }

  /** Adds a component to {@code /health}, e.g. the demo's embedded broker. */
  public void healthOf(String name, java.util.function.Supplier<Health.Component> component) {
    health.add(name, component);
  }

  public Optional<URI> dashboardUri() {
    return dashboard.map(DashboardServer::uri);
  }

  public ControllerSettings settings() {
    return settings;
  }

  ControllerParts parts() {
    return parts;
  }

  TelemetrySubscriber telemetry() {
    return telemetry;
  }

  /** What applies telemetry: the controller's own backlog and whether it is blind. */
  public IngestWorker ingestWorker() {
    return ingestWorker;
  }

  MqttCommandExecutor executor() {
    return executor;
  }

  Optional<JsonlAuditLog> auditFile() {
    return auditFile;
  }

  Scheduler controlScheduler() {
    return scheduler("control");
  }

  @Override
  public void close() {
    closer.close();
  }
}
