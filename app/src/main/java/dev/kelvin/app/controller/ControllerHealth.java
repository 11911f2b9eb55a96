package dev.kelvin.app.controller;

import dev.kelvin.app.models.ModelsReport;
import dev.kelvin.core.backlog.BacklogSettings;
import dev.kelvin.core.backlog.IngestBacklog;
import dev.kelvin.core.backlog.ShedReason;
import dev.kelvin.core.loop.TickReport;
import dev.kelvin.core.model.ClusterSummary;
import dev.kelvin.dashboard.Health;
import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import dev.kelvin.mqtt.SessionStats;
import dev.kelvin.policy.audit.AuditLogStatus;
import dev.kelvin.telemetry.IngestWorker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The controller's health for {@code /health}, from figures its parts keep (no snapshot of its
 * own): the MQTT sessions, the control loop's heartbeat and last problems, the nodes as the
 * latest tick saw them, the audit file, the power model and ingestion, plus what the command
 * adds (the demo's embedded broker and agents). DOWN when the controller cannot see, decide,
 * act or record; DEGRADED when it runs with reduced knowledge.
 */
final class ControllerHealth {
  /** The loop is late once it missed this many ticks. */
  private static final int LATE_TICKS = 5;

  private final Controller controller;
  private final Map<String, Supplier<Component>> extra = new LinkedHashMap<>();

  ControllerHealth(Controller controller) {
    this.controller = controller;
  }

  synchronized void add(String name, Supplier<Component> component) {
    extra.put(name, component);
  }

  Health current() {
    Map<String, Component> parts = new LinkedHashMap<>();
    String broker = controller.settings().telemetry().session().endpoint().toString();
    parts.put("telemetry", session(controller.telemetry().stats(), "subscribed on " + broker));
    parts.put("actuators", session(controller.executor().sessionStats(),
        "connected to " + broker));
    Optional<TickReport> last = controller.lastTick();
    parts.put("control-loop", loop(last));
    parts.put("nodes", nodes(last.map(TickReport::summary)));
    parts.put("audit", audit(controller.auditFile().map(file -> file.status())));
    parts.put("predictor", predictor());
    parts.put("ingest", new Component(Status.UP, String.format(Locale.ROOT,
        "%d accepted, %d late, %d rejected", controller.ingest().stats().accepted(),
        controller.ingest().stats().late(), controller.ingest().stats().rejectedTotal())));
    parts.put("ingest-backlog", backlog());
    synchronized (this) {
      extra.forEach((name, component) -> parts.put(name, component.get()));
    }
    return Health.of(parts);
  }

  private static Component session(SessionStats stats, String whenUp) {
    String refusals = stats.refusals() == 0 ? ""
        : "; the broker refused " + stats.refusals() + " time(s) since start (see the log)";
    if (!stats.connected()) {
      return new Component(Status.DOWN, "not connected; reconnecting (" + stats.connectFailures()
          + " failed attempt(s))" + refusals);
    }
    return new Component(stats.refusals() == 0 ? Status.UP : Status.DEGRADED, whenUp + refusals);
  }

  private Component loop(Optional<TickReport> last) {
    if (last.isEmpty()) {
      return new Component(Status.DOWN, "no tick yet");
    }
    TickReport tick = last.get();
    Duration age = Duration.between(tick.at(), controller.controlScheduler().now());
    Duration late = controller.settings().tick().multipliedBy(LATE_TICKS);
    String detail = String.format(Locale.ROOT, "last tick %.1f s ago, %d setpoint(s) held",
        age.toMillis() / 1000.0, tick.heldSetpoints());
    if (age.compareTo(late) > 0) {
      return new Component(Status.DOWN, detail + ": the loop has stopped deciding");
    }
    return tick.problems().isEmpty() ? new Component(Status.UP, detail)
        : new Component(Status.DEGRADED, detail + "; " + tick.problems().get(0));
  }

  private static Component nodes(Optional<ClusterSummary> summary) {
    if (summary.isEmpty() || summary.get().nodes() == 0) {
      return new Component(Status.DEGRADED,
          "no node is reporting (none has yet, or all were silent past state.forget_after)");
    }
    ClusterSummary figures = summary.get();
    String detail = figures.freshNodes() + " reporting, " + figures.staleNodes() + " stale";
    return new Component(figures.staleNodes() > 0 ? Status.DEGRADED : Status.UP, detail);
  }

  static Component audit(Optional<AuditLogStatus> file) {
    if (file.isEmpty()) {
      return new Component(Status.UP, "in memory only");
    }
    AuditLogStatus status = file.get();
    if (!status.writing()) {
      return new Component(Status.DOWN, "cannot write " + status.file() + " ("
          + status.lastWriteError() + "): no action or lease renewal is sent until it can; "
          + status.unwrittenRecords() + " record(s) kept in memory, retried every tick");
    }
    String writing = "writing " + status.file() + ", record " + status.lastSeq();
    if (status.chainBreak().isPresent()) {
      writing += "; on start its " + status.chainBreak().get() + " (kept as it is; new records"
          + " chain on from its last line)";
    }
    if (status.droppedRecords() > 0 || status.chainBreak().isPresent()) {
      return new Component(Status.DEGRADED, status.droppedRecords() == 0 ? writing
          : writing + "; " + status.droppedRecords()
              + " record(s) lost since start while it could not be written");
    }
    return new Component(Status.UP, writing);
  }

  /** DEGRADED once the controller is blind through its own delay, DOWN past the larger mark. */
  private Component backlog() {
    IngestWorker worker = controller.ingestWorker();
    IngestBacklog backlog = worker.backlog();
    BacklogSettings limits = controller.settings().telemetry().backlog();
    String detail = String.format(Locale.ROOT, "%d reading(s) waiting, the oldest for %.1f s;"
        + " readings arrive %s; %d shed (superseded), %d shed (queue_full)", backlog.readings(),
        backlog.oldestAge().toMillis() / 1000.0, backlog.arrivalLag().map(lag -> String.format(
            Locale.ROOT, "%.1f s after they were taken", lag.toMillis() / 1000.0))
            .orElse("not lately"), worker.shed(ShedReason.SUPERSEDED),
        worker.shed(ShedReason.QUEUE_FULL));
    if (backlog.delay().compareTo(limits.downAfter()) > 0) {
      return new Component(Status.DOWN, "blind for longer than " + limits.downAfter().toSeconds()
          + " s: " + detail);
    }
    Optional<String> blind = worker.blind();
    return blind.map(why -> new Component(Status.DEGRADED, "blind, decisions held: " + why
        + "; " + detail)).orElse(new Component(Status.UP, detail));
  }

  private Component predictor() {
    return ModelsReport.health(controller.models().status(), controller.parts().forecaster());
  }
}
