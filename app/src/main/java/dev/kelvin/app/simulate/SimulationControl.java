package dev.kelvin.app.simulate;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.policy.PolicySettings;
import dev.kelvin.policy.RuleDirectory;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.policy.guard.GuardSettings;
import dev.kelvin.policy.guard.SafetyGuard;
import dev.kelvin.simulator.engine.ControlFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The control loop of a simulation run, wired as {@code kelvin run} wires it: the rules Kelvin
 * ships (with an operator's rules folder, when {@code control.policy} names one), the safety
 * guard with its defaults, and an audit log, acting on the simulator's cluster view and executor
 * in virtual time. Action ids are drawn from the scenario's seed, so that a run repeats
 * exactly. The rules are compiled once, when the plan is made (so a broken rule file stops the
 * run before it starts, naming file and line), and shared by the runs of a comparison; they
 * are not reloaded during a run.
 */
final class SimulationControl implements ControlFactory {
  static final int AUDIT_RECORDS_KEPT = 10_000;
  static final int LEASE_INTERVALS = 3;

  private final PolicySettings policy;
  private final long seed;
  private final Instant start;
  private final RulePolicy compiled;

  /**
   * @param interval the control interval: caps are leased for {@value #LEASE_INTERVALS}
   *     intervals (at least the policy's own lease), so that a tick renews each before it runs
   *     out, as 1 s ticks renew 2 min leases live
   */
  SimulationControl(PolicySettings policy, Duration interval, long seed, Instant start) {
    this(policy, Optional.empty(), interval, seed, start);
  }

  /**
   * @param rulesDir an operator's folder of rule files compiled with the shipped ones
   * @throws dev.kelvin.policy.PolicyException naming the file and line of every rule error
   */
  SimulationControl(PolicySettings policy, Optional<Path> rulesDir, Duration interval,
      long seed, Instant start) {
    Duration lease = max(policy.capLease(), interval.multipliedBy(LEASE_INTERVALS));
    this.policy = new PolicySettings(policy.capStepMhz(), policy.releaseHysteresisCelsius(),
        policy.defaultCpuTempLimitCelsius(), lease, policy.settleTime());
    this.seed = seed;
    this.start = start;
    RuleParameters parameters = RuleParameters.defaults().with(this.policy);
    ActionIds ids = ids();
    this.compiled = rulesDir.isPresent()
        ? RulePolicy.load(parameters, ids, RuleDirectory.of(rulesDir.get()))
        : RulePolicy.load(parameters, ids);
  }

  private ActionIds ids() {
    return ActionIds.forController(start, new SplittableRandom(seed));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public ControlLoop create(ClusterView cluster, ActionExecutor executor, Scheduler scheduler) {
    RulePolicy rules = compiled.with(compiled.parameters(), ids());
    CountingAuditLog audit = new CountingAuditLog(new InMemoryAuditLog(AUDIT_RECORDS_KEPT));
    GuardSettings defaults = GuardSettings.defaults();
    SafetyGuard guard = new SafetyGuard(new GuardSettings(defaults.mode(), defaults.minDwell(),
        max(defaults.maxLease(), policy.capLease())), audit::writing);
    return new ControlLoop(new ControlLoop.Ports(cluster, Predictor.NONE, rules, guard, executor,
        audit), scheduler.clock());
  }
}
