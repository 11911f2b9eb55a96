package dev.kelvin.app.controller;

import dev.kelvin.actuators.ActuatorSettings;
import dev.kelvin.agent.AgentSettings;
import dev.kelvin.app.demo.SiteAgents;
import dev.kelvin.app.models.ModelServing;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.core.state.StateSettings;
import dev.kelvin.core.time.VirtualScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.mqtt.SessionSettings;
import dev.kelvin.mqtt.loopback.LoopbackBroker;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.simulator.SimulatedSite;
import dev.kelvin.simulator.SiteSpec;
import dev.kelvin.telemetry.IngestFormats;
import dev.kelvin.telemetry.TelemetrySettings;
import dev.kelvin.telemetry.store.InfluxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The demo's whole system in virtual time: the controller assembly, the demo's simulated site
 * with one real node agent per node, and a loopback broker between them, all on one virtual
 * scheduler. The same code as the demo runs; only the clock and the broker differ, so a
 * simulated quarter of an hour takes seconds and runs the same way every time.
 */
final class VirtualSite implements AutoCloseable {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final MqttEndpoint LOOPBACK =
      MqttEndpoint.anonymous(URI.create("tcp://loopback:1883"));

  final VirtualScheduler scheduler = new VirtualScheduler(START);
  final LoopbackBroker broker = new LoopbackBroker(scheduler);
  final Controller controller;
  final SiteAgents site;

  VirtualSite(RulePolicy rules, long seed) {
    this(rules, seed, Optional.empty());
  }

  /** The site with the controller's audit log in {@code auditFile} (empty: in memory). */
  VirtualSite(RulePolicy rules, long seed, Optional<Path> auditFile) {
    this(rules, seed, auditFile, ModelServing.none());
  }

  /** The site whose controller serves {@code models}. */
  VirtualSite(RulePolicy rules, long seed, ModelServing models) {
    this(rules, seed, Optional.empty(), models);
  }

  /** The site whose controller also reads the wire formats {@code formats}. */
  VirtualSite(RulePolicy rules, long seed, IngestFormats formats) {
    this(rules, seed, Optional.empty(), ModelServing.none(), formats);
  }

  private VirtualSite(RulePolicy rules, long seed, Optional<Path> auditFile,
      ModelServing models) {
    this(rules, seed, auditFile, models, IngestFormats.kelvinOnly());
  }

  /** The site whose controller serves {@code models} and keeps readings in {@code store}. */
  VirtualSite(RulePolicy rules, long seed, ModelServing models, InfluxSettings store) {
    this(rules, seed, Optional.empty(), models, IngestFormats.kelvinOnly(), Optional.of(store));
  }

  private VirtualSite(RulePolicy rules, long seed, Optional<Path> auditFile,
      ModelServing models, IngestFormats formats) {
    this(rules, seed, auditFile, models, formats, Optional.empty());
  }

  private VirtualSite(RulePolicy rules, long seed, Optional<Path> auditFile,
      ModelServing models, IngestFormats formats, Optional<InfluxSettings> store) {
    Schedulers schedulers = Schedulers.virtual(scheduler);
    ControllerSettings settings = settings(auditFile).withStore(store);
    settings = settings.withTelemetry(settings.telemetry().withFormats(formats));
    controller = Controller.start(settings, new ControllerParts(broker, schedulers,
        rules, Optional.empty(), models));
    site = SiteAgents.start(new SimulatedSite(SiteSpec.demo(), seed, START),
        node -> AgentSettings.defaults(LOOPBACK), broker, schedulers);
  }

  private static ControllerSettings settings(Optional<Path> auditFile) {
    TelemetrySettings telemetry = TelemetrySettings.defaults(LOOPBACK).withSession(
        SessionSettings.persistent(LOOPBACK, "kelvin-controller", Duration.ofMinutes(10)));
    ActuatorSettings actuators = ActuatorSettings.defaults(LOOPBACK).withSession(
        SessionSettings.clean(LOOPBACK, "kelvin-actuators"));
    return new ControllerSettings(StateSettings.defaults(), telemetry, actuators,
        PolicySettings.defaults(), GuardSettings.defaults(),
        new ControllerSettings.Audit(auditFile, 10_000, "audit.file"),
        Duration.ofSeconds(1), Duration.ofSeconds(30), Optional.empty(), List.of());
  }

  /** Runs the site until {@code condition} holds, at most {@code limit} of virtual time. */
  boolean runUntil(java.util.function.BooleanSupplier condition, Duration limit) {
    Instant deadline = scheduler.now().plus(limit);
    while (!condition.getAsBoolean()) {
      if (!scheduler.now().isBefore(deadline)) {
        return false;
      }
      scheduler.advanceBy(Duration.ofMillis(250));
    }
    return true;
  }

  @Override
  public void close() {
    site.close();
    scheduler.runDue();
    controller.close();
  }
}
