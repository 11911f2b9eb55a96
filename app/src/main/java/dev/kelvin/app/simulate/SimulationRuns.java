package dev.kelvin.app.simulate;

import dev.kelvin.simulator.engine.SimulationEngine;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.Scenario;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/** Plans and runs one scenario at a time, showing progress and the wall time it took. */
final class SimulationRuns {
  private final PrintStream progress;
  private final boolean terminal;

  SimulationRuns(PrintStream progress, boolean terminal) {
    this.progress = progress;
    this.terminal = terminal;
  }

  SimulationResult run(Scenario scenario, Path dataDir) {
    long started = System.nanoTime();
    SimulationPlan plan = SimulationPlan.of(scenario, dataDir);
    progress.printf(Locale.ROOT, "%s (policy %s): %,d jobs from %s on %s%n", scenario.name(),
        scenario.control().policy(), plan.trace().jobs().size(), plan.trace().description(),
        plan.curve().system().name());
    String label = scenario.name() + "/" + scenario.control().policy();
    SimulationResult result = new SimulationEngine(plan.setup())
        .run(new ProgressBar(progress, terminal, label));
    progress.printf(Locale.ROOT, "%s: %.0f simulated days in %.1f s of wall time%n", label,
        result.summary().simulatedS() / 86_400, (System.nanoTime() - started) / 1e9);
    return result;
  }
}
