package dev.kelvin.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A planning scenario: which trace to replay on which sites, under which control, with which
 * models. Read and validated by {@link ScenarioReader}; documented key by key in
 * {@code docs/simulator.md}.
 */
public record Scenario(String name, long seed, TraceSource trace, List<ScenarioSite> sites,
    ControlSettings control, PowerSettings power, CoolingSettings cooling,
    TelemetrySettings telemetry, FailureSettings failures, SchedulerKind scheduler,
    List<ScenarioEvent> events) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(cooling, "cooling");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(scheduler, "scheduler");
    sites = List.copyOf(sites);
    events = List.copyOf(events);
    if (sites.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs at least one site");
    }
    if (sites.stream().map(ScenarioSite::name).distinct().count() != sites.size()) {
      throw new IllegalArgumentException("site names must be unique, were "
          + sites.stream().map(ScenarioSite::name).toList());
    }
  }

  /** A scenario without site events. */
  public Scenario(String name, long seed, TraceSource trace, List<ScenarioSite> sites,
      ControlSettings control, PowerSettings power, CoolingSettings cooling,
      TelemetrySettings telemetry, FailureSettings failures, SchedulerKind scheduler) {
    this(name, seed, trace, sites, control, power, cooling, telemetry, failures, scheduler,
        List.of());
  }

  /** The batch scheduler the sites' queue uses. */
  public enum SchedulerKind { FCFS, EASY }

  /** This scenario with another policy (for {@code --compare}). */
  public Scenario withPolicy(String policy) {
    return new Scenario(name, seed, trace, sites, control.withPolicy(policy), power, cooling,
        telemetry, failures, scheduler, events);
  }

  /** This scenario with another seed ({@code --seed}). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, newSeed, trace, sites, control, power, cooling, telemetry,
        failures, scheduler, events);
  }
}
