package dev.kelvin.app.simulate;

import dev.kelvin.app.predict.SimPredictors;
import dev.kelvin.core.port.Predictor;
import dev.kelvin.policy.RuleParameters;
import dev.kelvin.simulator.engine.ScenarioFailures;
import dev.kelvin.simulator.engine.SimulationSetup;
import dev.kelvin.simulator.model.DvfsModel;
import dev.kelvin.simulator.model.RcThermalModel;
import dev.kelvin.simulator.power.SpecPowerCurve;
import dev.kelvin.simulator.power.SpecPowerResults;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.sched.BatchScheduler;
import dev.kelvin.simulator.sched.EasyBackfillScheduler;
import dev.kelvin.simulator.sched.FcfsScheduler;
import dev.kelvin.simulator.trace.LoadedTrace;
import dev.kelvin.simulator.trace.Traces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A scenario resolved into what the engine runs: its trace loaded, sliced and scaled; the
 * node power curve of the SPECpower result it names; the CPU clock range of that server; the
 * thermal model; the batch scheduler; and, unless its policy is {@code none}, the control loop.
 * Everything that can be wrong with the inputs is found here, before the run.
 *
 * <p>Thermal design point: a fully busy node at full clock settles at the scenario's {@code
 * power.full_load_cpu_c} with a {@value #DESIGN_INLET_C} °C inlet (by default 6 K over its CPU
 * limit, as the demo's nodes, so that the thermal rules have work).
 */
record SimulationPlan(Scenario scenario, LoadedTrace trace, SpecPowerCurve curve,
    SimulationSetup setup) {
  static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  static final double CPU_TEMP_LIMIT_C = 85;
  static final double DESIGN_INLET_C = 24;
  static final Duration THERMAL_TIME_CONSTANT = Duration.ofSeconds(30);
  /** Failures are drawn this long past the trace's end, for the jobs still running. */
  static final double FAILURE_MARGIN_S = 90 * 86_400.0;
  static final String SPECPOWER_FILE = "specpower-ssj2008/ssj2008-results-20160613.csv";

  /** Loads and checks everything {@code scenario} needs, from {@code dataDir}. */
  static SimulationPlan of(Scenario scenario, Path dataDir) {
    return of(scenario, RuleParameters.defaults(), dataDir, UnaryOperator.identity());
  }

  /**
   * As {@link #of(Scenario, Path)}, with the rules' settings {@code rules} (the scenario's
   * {@code policy:} section) and each run's predictor (the scenario's models, read and checked
   * here) passed through {@code wrap}: a recorder of the features it sees, say.
   */
  static SimulationPlan of(Scenario scenario, RuleParameters rules, Path dataDir,
      UnaryOperator<Predictor> wrap) {
    SimPredictors models = SimPredictors.read(scenario.control().models());
    LoadedTrace trace = Traces.load(scenario.trace(), dataDir);
    SpecPowerCurve curve = curve(scenario, dataDir);
    double maxMhz = curve.system().processorMhz();
    DvfsModel clock = new DvfsModel(maxMhz * scenario.power().minClockRatio(), maxMhz);
    RcThermalModel thermal = new RcThermalModel(
        (scenario.power().fullLoadCpuCelsius() - DESIGN_INLET_C) / curve.maxWatts(),
        THERMAL_TIME_CONSTANT);
    double horizonS = scenario.trace().days().orElse(0) * 86_400;
    double lastSubmitS = trace.jobs().isEmpty() ? 0
        : trace.jobs().get(trace.jobs().size() - 1).submitS();
    SimulationSetup setup = new SimulationSetup(scenario, trace.jobs(), START, horizonS, curve,
        clock, thermal, CPU_TEMP_LIMIT_C, scheduler(scenario),
        scenario.control().enabled()
            ? Optional.of(new SimulationControl(rules, rulesDir(scenario),
                scenario.control().interval(), scenario.seed(), START,
                () -> wrap.apply(models.predictor())))
            : Optional.empty(),
        ScenarioFailures.of(scenario, Math.max(horizonS, lastSubmitS) + FAILURE_MARGIN_S));
    return new SimulationPlan(scenario, trace, curve, setup);
  }

  private static SpecPowerCurve curve(Scenario scenario, Path dataDir) {
    Path file = dataDir.resolve(SPECPOWER_FILE);
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("power.server: the SPECpower results are not at "
          + file + " (set the reference data folder with --data or -Dkelvin.data.dir)");
    }
    String server = scenario.power().server();
    SpecPowerCurve found = SpecPowerResults.read(file).find(server);
    return found.withDvfsExponent(scenario.power().dvfsExponent());
  }

  private static BatchScheduler scheduler(Scenario scenario) {
    return scenario.scheduler() == Scenario.SchedulerKind.FCFS ? new FcfsScheduler()
        : new EasyBackfillScheduler();
  }

  /**
   * The operator's rules folder {@code control.policy} names ({@code default}: none), as the
   * scenario reader resolved it against the scenario file's folder.
   */
  private static Optional<Path> rulesDir(Scenario scenario) {
    String policy = scenario.control().policy();
    return "default".equals(policy) ? Optional.empty() : Optional.of(Path.of(policy));
  }
}
