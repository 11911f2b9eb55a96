package dev.kelvin.app.simulate;

import dev.kelvin.core.action.ActionIds;
import dev.kelvin.core.audit.CountingAuditLog;
import dev.kelvin.core.audit.InMemoryAuditLog;
import dev.kelvin.core.loop.ControlLoop;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.policy.BudgetSettings;
import dev.kelvin.policy.CarbonSettings;
import dev.kelvin.policy.EfficiencySettings;
import dev.kelvin.policy.IdleSettings;
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
import java.util.function.Supplier;

/**
 * The control loop of a simulation run, wired as {@code kelvin run} wires it: the rules Kelvin
 * ships (with an operator's rules folder, when {@code control.policy} names one), the safety
 * guard with its defaults except that every action type runs automatically (an operator who
 * approves at once what the guard would hold: drains, suspends, migrations, failovers), the
 * scenario's models behind the predictor port (a fresh predictor per run, since served models
 * keep per-node state across ticks), and an audit log, acting on the simulator's cluster view
 * and executor
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
  private final Supplier<Predictor> predictors;

  /**
   * @param interval the control interval: caps are leased for {@value #LEASE_INTERVALS}
   *     intervals (at least the policy's own lease), so that a tick renews each before it runs
   *     out, as 1 s ticks renew 2 min leases live
   */
  SimulationControl(PolicySettings policy, Duration interval, long seed, Instant start) {
    this(RuleParameters.defaults().with(policy), Optional.empty(), interval, seed, start,
        () -> Predictor.NONE);
  }

  /**
   * @param rules the settings of every rule family, before {@link #forInterval}
   * @param rulesDir an operator's folder of rule files compiled with the shipped ones
   * @param predictors a new predictor for each run
   * @throws dev.kelvin.policy.PolicyException naming the file and line of every rule error
   */
  SimulationControl(RuleParameters rules, Optional<Path> rulesDir, Duration interval,
      long seed, Instant start, Supplier<Predictor> predictors) {
    this.predictors = predictors;
    RuleParameters parameters = forInterval(rules, interval);
    this.policy = parameters.get(PolicySettings.class);
    this.seed = seed;
    this.start = start;
    ActionIds ids = ids();
    this.compiled = rulesDir.isPresent()
        ? RulePolicy.load(parameters, ids, RuleDirectory.of(rulesDir.get()))
        : RulePolicy.load(parameters, ids);
  }

  /**
   * {@code parameters} for ticks {@code interval} apart: every family's setpoint lease at least
   * {@value #LEASE_INTERVALS} intervals, so that a tick renews each before it runs out, and the
   * idle rules' per-tick rates scaled from the 1 s tick they are set for, so that they suspend
   * and wake as many nodes a minute as live (Slurm's SuspendRate and ResumeRate).
   */
  static RuleParameters forInterval(RuleParameters parameters, Duration interval) {
    Duration lease = interval.multipliedBy(LEASE_INTERVALS);
    IdleSettings idle = parameters.get(IdleSettings.class);
    long ticksPerLiveTick = Math.max(1, interval.toSeconds());
    parameters = parameters.with(new IdleSettings(idle.idleAfter(), idle.spareNodes(),
        idle.spareShare(), scaled(idle.suspendPerTick(), ticksPerLiveTick),
        scaled(idle.wakePerTick(), ticksPerLiveTick)));
    PolicySettings t = parameters.get(PolicySettings.class);
    BudgetSettings b = parameters.get(BudgetSettings.class);
    EfficiencySettings e = parameters.get(EfficiencySettings.class);
    CarbonSettings c = parameters.get(CarbonSettings.class);
    return parameters
        .with(new PolicySettings(t.capStepMhz(), t.releaseHysteresisCelsius(),
            t.defaultCpuTempLimitCelsius(), max(t.capLease(), lease), t.settleTime()))
        .with(new BudgetSettings(b.capStepMhz(), b.nodeCapStepWatts(), b.gpuStepWatts(),
            b.releaseMarginRatio(), b.settleTime(), max(b.capLease(), lease),
            b.forecastHorizon()))
        .with(new EfficiencySettings(e.maxSlowdownRatio(), e.stepMhz(), e.busyUtilRatio(),
            e.settleTime(), max(e.capLease(), lease), e.minMemBoundRatio()))
        .with(new CarbonSettings(c.carbonThresholdGramsPerKwh(), c.priceThresholdPerKwh(),
            c.maxSlowdownRatio(), c.capStepMhz(), c.settleTime(), max(c.capLease(), lease),
            c.maxDeferral()));
  }

  private static int scaled(int perTick, long factor) {
    return (int) Math.min(100_000, perTick * factor);
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
    GuardSettings defaults = GuardSettings.defaults().allAutomatic();
    SafetyGuard guard = new SafetyGuard(new GuardSettings(defaults.mode(), defaults.minDwell(),
        max(defaults.maxLease(), policy.capLease()), defaults.modes(), defaults.rates(),
        defaults.repeatAfter()), audit::writing);
    return new ControlLoop(new ControlLoop.Ports(cluster, predictors.get(), rules, guard,
        executor, audit), scheduler.clock());
  }
}
