package dev.kelvin.app.ops;

import dev.kelvin.actuators.AckRefusal;
import dev.kelvin.actuators.ExecutorStats;
import dev.kelvin.agent.AgentStats;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.ingest.IngestCounters;
import dev.kelvin.core.loop.LapseReason;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.dashboard.DashboardStats;
import dev.kelvin.dashboard.Refusal;
import dev.kelvin.mqtt.SessionStats;
import dev.kelvin.policy.audit.AuditLogStatus;
import dev.kelvin.predictor.forecast.ForecastStats;
import dev.kelvin.telemetry.broker.BrokerRefusals;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Kelvin's Prometheus metrics, all prefixed {@code kelvin_}, plus the JVM's own. Every gauge
 * reads a figure some part already keeps: cluster figures from the latest control tick (a
 * scrape never takes a snapshot of its own, and shows what the status line and the dashboard
 * show), counts from the parts' own counters.
 */
public final class KelvinMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /**
   * Every object a meter reads, held here: Micrometer holds them weakly, so a supplier made for
   * binding ({@code file::status}) would be collected and its meter read NaN or stand still.
   */
  private final List<Object> sources = new CopyOnWriteArrayList<>();
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

  public void recordTick(TickReport report) {
    tickTimer.record(report.took());
  }

  public void bindIngest(IngestCounters counters) {
    keep(counters);
    FunctionCounter.builder("kelvin.ingest.accepted", counters, c -> c.stats().accepted())
        .description("Readings accepted into the live cluster state").register(registry);
    FunctionCounter.builder("kelvin.ingest.late", counters, c -> c.stats().late())
        .description("Valid readings older than the node's latest, kept out of the live view")
        .register(registry);
    for (RejectReason reason : RejectReason.values()) {
      FunctionCounter.builder("kelvin.ingest.rejected", counters, c -> c.rejectedCount(reason))
          .description("Inputs rejected, by reason").tag("reason", reason.label())
          .register(registry);
    }
  }

  /** Nodes dropped from the live state after {@code state.forget_after} of silence. */
  public void bindForgottenNodes(java.util.function.LongSupplier forgotten) {
    keep(forgotten);
    FunctionCounter.builder("kelvin.nodes.forgotten", forgotten, f -> f.getAsLong())
        .description("Nodes dropped from the live state after state.forget_after of silence")
        .register(registry);
  }

  /** Cluster figures of the latest tick: nodes, stale nodes, power, held setpoints. */
  public void bindTicks(Supplier<Optional<TickReport>> lastTick) {
    keep(lastTick);
    tickGauge(lastTick, "kelvin.nodes", "Nodes reporting fresh telemetry (latest tick)",
        t -> t.summary().freshNodes());
    tickGauge(lastTick, "kelvin.nodes.stale", "Nodes whose telemetry is too old to act on",
        t -> t.summary().staleNodes());
    tickGauge(lastTick, "kelvin.cluster.power.watts", "Sum of the fresh nodes' latest power",
        t -> t.summary().totalPowerWatts());
    tickGauge(lastTick, "kelvin.setpoints.held", "Setpoints whose leases the loop keeps alive",
        TickReport::heldSetpoints);
    tickGauge(lastTick, "kelvin.cpu.hottest.celsius", "The hottest fresh CPU",
        t -> t.summary().hottest().map(ClusterSummary.Hottest::cpuTempCelsius)
            .orElse(Double.NaN));
  }

  public void bindAudit(CountingAuditLog audit) {
    keep(audit);
    for (AuditStage stage : AuditStage.values()) {
      FunctionCounter.builder("kelvin.actions", audit, a -> a.count(stage))
          .description("Audit events by stage: proposals approved, rejected, applied, failed...")
          .tag("stage", stage.label()).register(registry);
    }
  }

  /** Held setpoints the control loop gave up, by reason (each one is audited as lapsed). */
  public void bindLapses(ToDoubleFunction<LapseReason> lapses) {
    keep(lapses);
    for (LapseReason reason : LapseReason.values()) {
      FunctionCounter.builder("kelvin.setpoints.lapsed", lapses,
              count -> count.applyAsDouble(reason))
          .description("Held setpoints the loop stopped renewing, by reason")
          .tag("reason", reason.label()).register(registry);
    }
  }

  public void bindAuditFile(Supplier<AuditLogStatus> status) {
    keep(status);
    FunctionCounter.builder("kelvin.audit.write.failures", status, s -> s.get().writeFailures())
        .description("Writes to the audit file that failed (each record is retried)")
        .register(registry);
    Gauge.builder("kelvin.audit.unwritten", status, s -> s.get().unwrittenRecords())
        .description("Audit records kept in memory, not yet in the file").register(registry);
    FunctionCounter.builder("kelvin.audit.records.unwritten", status,
            s -> s.get().unwrittenTotal())
        .description("Audit records the file could not take when appended (kept in memory)")
        .register(registry);
    FunctionCounter.builder("kelvin.audit.dropped", status, s -> s.get().droppedRecords())
        .description("Audit records lost: more were unwritten than memory holds")
        .register(registry);
    Gauge.builder("kelvin.audit.writing", status, s -> s.get().writing() ? 1 : 0)
        .description("1 while the audit file takes writes; 0 refuses every action")
        .register(registry);
  }

  public void bindExecutor(Supplier<ExecutorStats> stats) {
    keep(stats);
    commandCounter(stats, "sent", ExecutorStats::sent);
    commandCounter(stats, "applied", ExecutorStats::applied);
    commandCounter(stats, "rejected", ExecutorStats::rejected);
    commandCounter(stats, "failed", ExecutorStats::failed);
    commandCounter(stats, "timed_out", ExecutorStats::timedOut);
    commandCounter(stats, "unsupported", ExecutorStats::unsupported);
    for (AckRefusal reason : AckRefusal.values()) {
      FunctionCounter.builder("kelvin.actuator.acks.refused", stats,
              s -> s.get().refusedAcks(reason)).tag("reason", reason.label())
          .description("Acks refused, by reason; none changed a result or a lease")
          .register(registry);
    }
    Gauge.builder("kelvin.actuator.pending", stats, s -> s.get().pending())
        .description("Commands awaiting an agent's ack").register(registry);
  }

  public void bindForecaster(Supplier<ForecastStats> stats) {
    keep(stats);
    FunctionCounter.builder("kelvin.forecasts", stats, s -> s.get().forecasts())
        .description("Node power forecasts made").register(registry);
    forecastSkip(stats, "stale", ForecastStats::skippedStale);
    forecastSkip(stats, "too_short", ForecastStats::skippedTooShort);
    forecastSkip(stats, "missing_metric", ForecastStats::skippedMissingMetric);
    forecastSkip(stats, "model_failed", ForecastStats::failed);
  }

  /** An MQTT session's counts under {@code client}: telemetry, actuators, agents. */
  public void bindSession(String client, Supplier<SessionStats> stats) {
    keep(stats);
    sessionCounter(client, stats, "connects", SessionStats::connects);
    sessionCounter(client, stats, "connections.lost", SessionStats::connectionsLost);
    sessionCounter(client, stats, "takeovers", SessionStats::takeovers);
    sessionCounter(client, stats, "connect.failures", SessionStats::connectFailures);
    sessionCounter(client, stats, "refusals", SessionStats::refusals);
    sessionCounter(client, stats, "publish.failures", SessionStats::publishFailures);
    sessionCounter(client, stats, "received", SessionStats::received);
    Gauge.builder("kelvin.mqtt.connected", stats, s -> s.get().connected() ? 1 : 0)
        .tag("client", client).description("1 while the session is connected")
        .register(registry);
  }

  /** The dashboard's open event streams, streams dropped as stalled, and refusals by reason. */
  public void bindDashboard(Supplier<DashboardStats> stats) {
    Gauge.builder("kelvin.dashboard.streams", stats, s -> s.get().openStreams())
        .description("Event streams open now").register(registry);
    FunctionCounter.builder("kelvin.dashboard.streams.dropped", stats,
            s -> s.get().droppedStreams())
        .description("Event streams dropped for not keeping up").register(registry);
    for (Refusal reason : Refusal.values()) {
      FunctionCounter.builder("kelvin.dashboard.refused", stats, s -> s.get().refused(reason))
          .tag("reason", reason.label())
          .description("Requests refused and connections closed by the dashboard, by reason")
          .register(registry);
    }
  }

  /** Messages the embedded broker dropped (a full client queue): readings or commands lost. */
  public void bindBrokerDrops(java.util.function.LongSupplier dropped) {
    keep(dropped);
    FunctionCounter.builder("kelvin.broker.dropped.messages", dropped, d -> d.getAsLong())
        .description("Messages the embedded broker dropped; above 0 means data was lost")
        .register(registry);
  }

  /** What the embedded broker refused, by reason: logins, client ids, publishes, subscriptions. */
  public void bindBrokerRefusals(BrokerRefusals refusals) {
    for (BrokerRefusals.Reason reason : BrokerRefusals.Reason.values()) {
      FunctionCounter.builder("kelvin.broker.refusals", refusals, r -> r.count(reason))
          .tag("reason", reason.key())
          .description("Clients, messages and subscriptions the embedded broker refused")
          .register(registry);
    }
  }

  /** The in-process agents of the demo, summed. */
  public void bindAgents(Supplier<List<AgentStats>> agents) {
    keep(agents);
    agentCounter(agents, "kelvin.agent.readings.published", AgentStats::readingsPublished);
    agentCounter(agents, "kelvin.agent.readings.dropped", AgentStats::readingsDropped);
    agentCounter(agents, "kelvin.agent.sample.failures", AgentStats::sampleFailures);
    agentCounter(agents, "kelvin.agent.commands.applied", AgentStats::commandsApplied);
    agentCounter(agents, "kelvin.agent.commands.rejected", AgentStats::commandsRejected);
    agentCounter(agents, "kelvin.agent.leases.expired", AgentStats::leasesExpired);
    Gauge.builder("kelvin.agent.backlog", agents,
            a -> a.get().stream().mapToLong(AgentStats::backlog).sum())
        .description("Readings the agents hold while the broker is away").register(registry);
    Gauge.builder("kelvin.agents.connected", agents,
            a -> a.get().stream().filter(AgentStats::connected).count())
        .description("Agents connected to the broker").register(registry);
  }

  private void keep(Object source) {
    sources.add(source);
  }

  private void tickGauge(Supplier<Optional<TickReport>> lastTick, String name,
      String description, ToDoubleFunction<TickReport> figure) {
    Gauge.builder(name, lastTick, t -> t.get().map(figure::applyAsDouble).orElse(Double.NaN))
        .description(description).register(registry);
  }

  private void commandCounter(Supplier<ExecutorStats> stats, String outcome,
      ToDoubleFunction<ExecutorStats> count) {
    FunctionCounter.builder("kelvin.actuator.commands", stats, s -> count.applyAsDouble(s.get()))
        .tag("outcome", outcome).description("Actions carried out, by outcome")
        .register(registry);
  }

  private void forecastSkip(Supplier<ForecastStats> stats, String reason,
      ToDoubleFunction<ForecastStats> count) {
    FunctionCounter.builder("kelvin.forecasts.skipped", stats, s -> count.applyAsDouble(s.get()))
        .tag("reason", reason).description("Nodes that got no forecast, by reason")
        .register(registry);
  }

  private void sessionCounter(String client, Supplier<SessionStats> stats, String name,
      ToDoubleFunction<SessionStats> count) {
    FunctionCounter.builder("kelvin.mqtt." + name, stats, s -> count.applyAsDouble(s.get()))
        .tag("client", client).description("MQTT session " + name.replace('.', ' '))
        .register(registry);
  }

  private void agentCounter(Supplier<List<AgentStats>> agents, String name,
      ToDoubleFunction<AgentStats> count) {
    FunctionCounter.builder(name, agents,
            a -> a.get().stream().mapToDouble(count).sum())
        .description("Summed over the in-process agents").register(registry);
  }
}
