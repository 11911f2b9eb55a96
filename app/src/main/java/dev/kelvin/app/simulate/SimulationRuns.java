package dev.kelvin.app.simulate;

import dev.kelvin.core.port.Predictor;
import dev.kelvin.policy.RuleParameters;

import dev.kelvin.app.bench.QuietLogs;
import dev.kelvin.app.predict.SimRecording;
import dev.kelvin.simulator.engine.SimulationEngine;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Plans and runs one scenario at a time, showing progress and the wall time it took. While it
 * runs, INFO lines are held back and the control loop's own log is silenced: it reports lapses
 * at most once a simulated minute, which over a simulated year would bury the progress; they
 * are counted by reason and printed once at the end instead.
 */
final class SimulationRuns {
  static final String CONTROL_LOOP_LOG = "dev.kelvin.core.loop.ControlLoop";

  private final PrintStream progress;
  private final boolean terminal;

  SimulationRuns(PrintStream progress, boolean terminal) {
    this.progress = progress;
    this.terminal = terminal;
  }

  SimulationResult run(Scenario scenario, Path dataDir) {
    return run(scenario, RuleParameters.defaults(), dataDir, Optional.empty());
  }

  /**
   * Runs {@code scenario} under rules set as {@code rules} say, recording its features when
   * {@code recording} is given.
   */
  SimulationResult run(Scenario scenario, RuleParameters rules, Path dataDir,
      Optional<SimRecording> recording) {
    long started = System.nanoTime();
    SimulationPlan plan = SimulationPlan.of(scenario, rules, dataDir,
        recording.<UnaryOperator<Predictor>>map(each -> each::wrap)
            .orElse(UnaryOperator.identity()));
    progress.printf(Locale.ROOT, "%s (policy %s): %,d jobs from %s on %s%n", scenario.name(),
        scenario.control().policy(), plan.trace().jobs().size(), plan.trace().description(),
        plan.curve().system().name());
    String label = scenario.name() + "/" + scenario.control().policy();
    SimulationEngine engine = new SimulationEngine(plan.setup());
    SimulationResult result;
    try (QuietLogs quiet = QuietLogs.raiseToWarn().silence(CONTROL_LOOP_LOG)) {
      result = engine.run(new ProgressBar(progress, terminal, label));
    }
    progress.printf(Locale.ROOT, "%s: %.0f simulated days in %.1f s of wall time%n", label,
        result.summary().simulatedS() / 86_400, (System.nanoTime() - started) / 1e9);
    recording.ifPresent(each -> each.finish(engine.failuresThatHappened(), progress));
    if (!engine.lapses().isEmpty()) {
      progress.printf(Locale.ROOT, "%s: held setpoints the control loop gave up, by reason:"
          + " %s%n", label, engine.lapses());
    }
    return result;
  }
}
