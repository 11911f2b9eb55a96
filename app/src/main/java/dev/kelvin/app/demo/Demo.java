package dev.kelvin.app.demo;

import dev.kelvin.actuators.ActuatorSettings;
import dev.kelvin.actuators.MqttCommandExecutor;
import dev.kelvin.agent.AgentSettings;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.app.StartupException;
import dev.kelvin.app.ops.CountingAuditLog;
import dev.kelvin.app.ops.KelvinMetrics;
import dev.kelvin.app.ops.PortPreflight;
import dev.kelvin.app.ops.StatusLine;
import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.loop.PeriodicTicker;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.port.AuditLog;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.core.state.ClusterState;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.dashboard.DashboardServer;
import dev.kelvin.dashboard.DashboardSettings;
import dev.kelvin.dashboard.DashboardSources;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.audit.JsonlAuditLog;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.guard.SafetyGuard;
import dev.kelvin.simulator.SimulatedSite;
import dev.kelvin.simulator.SiteSpec;
import dev.kelvin.telemetry.TelemetrySettings;
import dev.kelvin.telemetry.TelemetrySubscriber;
import dev.kelvin.telemetry.broker.BrokerSettings;
import dev.kelvin.telemetry.broker.EmbeddedBroker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kelvin demo}: the whole controller and a simulated site in one process. An embedded
 * MQTT broker; one node agent per simulated node publishing telemetry and obeying commands;
 * the controller's telemetry subscriber, power model, rules, guard, MQTT actuator and audit
 * log around the control loop; and the dashboard. Slow parts (broker, rule compilation, model
 * training) start in parallel. {@link #close()} stops everything, newest first.
 */
public final class Demo implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
  private static final String MQTT_HOST = "127.0.0.1";
  private static final Duration PHYSICS_STEP = Duration.ofMillis(250);
  private static final Duration STATUS_EVERY = Duration.ofSeconds(30);

  private final Closer closer = new Closer();
  private final InstantSource clock = InstantSource.system();
  private final KelvinMetrics metrics = new KelvinMetrics();
  private final ClusterState state = new ClusterState(StateSettings.defaults());
  private final IngestCounters ingest = new IngestCounters();
  private final AtomicLong applied = new AtomicLong();
  private EmbeddedBroker broker;
  private TelemetrySubscriber telemetry;
  private MqttCommandExecutor executor;
  private SimulatedSite site;
  private final List<NodeAgent> agents = new ArrayList<>();
  private JsonlAuditLog auditFile;
  private AuditLog audit;
  private ControlLoop loop;
  private DashboardServer dashboard;
  private ModelBoot.Trained model;
  private RulePolicy rules;
  private SafetyGuard guard;
  private Duration startup;

  private Demo() {}

  /** Starts everything; on failure stops what had started and rethrows. */
  public static Demo start(DemoOptions options) {
    Demo demo = new Demo();
    try {
      demo.boot(options);
      return demo;
    } catch (RuntimeException | Error e) {
      demo.close();
      throw e;
    }
  }

  private void boot(DemoOptions options) {
    long started = System.nanoTime();
    PortPreflight.requireFree("HTTP", options.httpHost(), options.httpPort(), "--http-port");
    PortPreflight.requireFree("MQTT", MQTT_HOST, options.mqttPort(), "--mqtt-port");
    SiteSpec spec = Sites.spec(options);
    Instant start = clock.instant();
    openAudit(options);
    ExecutorService boot = Executors.newFixedThreadPool(3, Threads.daemon("kelvin-boot"));
    try {
      CompletableFuture<RulePolicy> compiling = CompletableFuture.supplyAsync(
          () -> RulePolicy.load(Sites.policySettings(),
              ActionIds.forController(start, new SecureRandom())), boot);
      CompletableFuture<ModelBoot.Trained> training = CompletableFuture.supplyAsync(
          () -> ModelBoot.train(spec, options, start), boot);
      MqttEndpoint endpoint = startBroker(options);
      connectController(endpoint);
      startSite(spec, options, endpoint, start);
      rules = Threads.join(compiling, "compiling the rules");
      model = Threads.join(training, "training the power model");
      startLoop(options);
      startDashboard(options);
    } finally {
      boot.shutdownNow();
    }
    startup = Duration.ofNanos(System.nanoTime() - started);
  }

  private MqttEndpoint startBroker(DemoOptions options) {
    try {
      broker = closer.add("embedded MQTT broker", EmbeddedBroker.start(new BrokerSettings(
          MQTT_HOST, options.mqttPort(), 100_000, options.workDir().resolve("broker"))));
    } catch (EmbeddedBroker.PortInUseException e) {
      throw new StartupException(e.getMessage() + "; choose another with --mqtt-port");
    }
    return MqttEndpoint.anonymous(broker.uri());
  }

  private void connectController(MqttEndpoint endpoint) {
    telemetry = closer.add("telemetry subscriber", new TelemetrySubscriber(
        TelemetrySettings.defaults(endpoint), state, ingest, clock));
    telemetry.start();
    executor = closer.add("MQTT actuator", new MqttCommandExecutor(
        ActuatorSettings.defaults(endpoint), clock));
    executor.start();
    metrics.bindIngest(ingest);
    metrics.bindCluster(state, clock);
  }

  private void startSite(SiteSpec spec, DemoOptions options, MqttEndpoint endpoint,
      Instant start) {
    site = new SimulatedSite(spec, options.seed(), start);
    closer.add("simulator physics", new PeriodicTicker("kelvin-simulator", PHYSICS_STEP, clock,
        site::advanceTo));
    ScheduledExecutorService agentThreads = Executors.newScheduledThreadPool(2,
        Threads.daemon("kelvin-agent"));
    closer.add("agent threads", agentThreads::shutdownNow);
    AgentSettings settings = AgentSettings.defaults(endpoint);
    site.nodes().forEach(node -> agents.add(new NodeAgent(settings, node, clock, agentThreads)));
    closer.add("node agents", () -> Threads.inParallel(agents, NodeAgent::close));
    long started = System.nanoTime();
    Threads.inParallel(agents, NodeAgent::start);
    LOG.info("{} node agents connected in {} ms, one per simulated node", agents.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /**
   * Opens the audit log before anything that acts, so that it closes after everything that
   * could still report a result (agents, the actuator) has stopped.
   */
  private void openAudit(DemoOptions options) {
    try {
      Files.createDirectories(options.auditFile().toAbsolutePath().getParent());
      auditFile = closer.add("audit log", JsonlAuditLog.open(options.auditFile(), 10_000,
          clock));
    } catch (JsonlAuditLog.InUseException e) {
      throw new StartupException(e.getMessage() + " (--audit-file)", e);
    } catch (IOException | RuntimeException e) {
      throw new StartupException("cannot open the audit log " + options.auditFile() + ": "
          + e.getMessage() + " (choose another with --audit-file)", e);
    }
    audit = new CountingAuditLog(auditFile, metrics.registry());
  }

  private void startLoop(DemoOptions options) {
    guard = new SafetyGuard(Sites.guardSettings(options.dryRun()), auditFile::writing);
    loop = new ControlLoop(new ControlLoop.Ports(state, model.forecaster(), rules, guard,
        executor, audit), clock);
    closer.add("control loop", new PeriodicTicker("kelvin-control", options.tick(), clock,
        this::tick));
    closer.add("status line", new PeriodicTicker("kelvin-status", STATUS_EVERY, clock,
        now -> logStatus()));
  }

  private void tick(Instant now) {
    TickReport report = loop.tick(now);
    metrics.recordTick(report);
    report.problems().forEach(problem -> LOG.warn("control tick: {}", problem));
  }

  private void logStatus() {
    applied.set(audit.recent(10_000).stream()
        .filter(r -> r.event().stage() == AuditStage.APPLIED).count());
    if (state.nodeCount() > 0) {
      LOG.info(StatusLine.of(state.snapshot(clock.instant()), loop.heldSetpoints(),
          applied.get(), ingest.stats()));
    }
  }

  private void startDashboard(DemoOptions options) {
    DashboardSources sources = new DashboardSources(state, clock, this::latestPredictions,
        audit, ingest::stats, () -> DemoHealth.of(this), metrics::scrape);
    try {
      dashboard = closer.add("dashboard", DashboardServer.start(new DashboardSettings(
          options.httpHost(), options.httpPort(), Duration.ofSeconds(1)), sources));
    } catch (DashboardServer.PortInUseException e) {
      throw new StartupException(e.getMessage() + "; choose another with --http-port");
    }
  }

  private List<Prediction> latestPredictions() {
    return loop.lastTick().map(TickReport::predictions).orElse(List.of());
  }

  /** The lines the command prints once everything runs. */
  public List<String> banner() {
    return Banner.lines(this);
  }

  public URI dashboardUri() {
    return dashboard.uri();
  }

  public URI mqttUri() {
    return broker.uri();
  }

  public Duration startup() {
    return startup;
  }

  public ClusterState state() {
    return state;
  }

  public AuditLog audit() {
    return audit;
  }

  SimulatedSite site() {
    return site;
  }

  ModelBoot.Trained model() {
    return model;
  }

  RulePolicy rules() {
    return rules;
  }

  ControlLoop loop() {
    return loop;
  }

  TelemetrySubscriber telemetry() {
    return telemetry;
  }

  MqttCommandExecutor executor() {
    return executor;
  }

  List<NodeAgent> agents() {
    return agents;
  }

  InstantSource clock() {
    return clock;
  }

  IngestCounters ingest() {
    return ingest;
  }

  @Override
  public void close() {
    closer.close();
  }
}
