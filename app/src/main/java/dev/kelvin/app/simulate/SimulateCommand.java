package dev.kelvin.app.simulate;

import dev.kelvin.app.StartupException;
import dev.kelvin.app.predict.SimRecording;
import dev.kelvin.simulator.engine.SimulationException;
import dev.kelvin.simulator.power.PowerDataException;
import dev.kelvin.simulator.report.ReportFiles;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.scenario.ControlSettings;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.trace.TraceFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin simulate}: replays a scenario's job trace on its modelled sites in virtual time,
 * through the same control loop, rules and guard as production, and writes
 * {@code report.json} and {@code report.html}; with {@code --compare}, also the run without
 * control on the same seed and {@code compare.json}. Every input is checked before the run,
 * and nothing is written unless the run finished.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Replays a job trace on a modelled data center under Kelvin's control and"
        + " writes plotted reports.")
public final class SimulateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE",
      description = "The scenario (YAML): trace, sites, control, models.")
  private Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
  private Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where the reports go (default: simulations/<scenario name>).")
  private Path out;

  @Option(names = "--compare", description = "Also run without control on the same seed, and"
      + " write both reports and compare.json.")
  private boolean compare;

  @Option(names = "--data", paramLabel = "DIR", description = "The reference data folder"
      + " (default: the kelvin.data.dir property, else ../shared/data).")
  private Path data;

  @Option(names = "--record-features", paramLabel = "FILE", description = "Also record every"
      + " node's failure features at every control tick, labelled with the failures that"
      + " happened, to FILE (gzip CSV) for kelvin train failure and kelvin train anomaly;"
      + " with --compare, of the run under control.")
  private Path recordFeatures;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    SimulationRuns runs = new SimulationRuns(System.err, System.console() != null);
    try {
      ScenarioFiles.Loaded loaded = ScenarioFiles.load(scenarioFile);
      Scenario scenario = loaded.scenario();
      if (seed != null) {
        scenario = scenario.withSeed(seed);
      }
      Path dir = out != null ? out : Path.of("simulations", scenario.name());
      Path dataDir = data != null ? data : DataFolder.path();
      Optional<SimRecording> recording = recordFeatures == null ? Optional.empty()
          : Optional.of(SimRecording.of(scenario, recordFeatures));
      try {
        if (compare) {
          SimulationResult base = runs.run(scenario.withPolicy(ControlSettings.NONE),
              loaded.rules(), dataDir, Optional.empty());
          SimulationResult controlled = runs.run(scenario, loaded.rules(), dataDir, recording);
          ReportFiles.writeComparison(dir, base, controlled);
          SummaryTable.printComparison(stdout, base, controlled);
        } else {
          SimulationResult result = runs.run(scenario, loaded.rules(), dataDir, recording);
          ReportFiles.write(dir, result);
          SummaryTable.print(stdout, result);
        }
      } finally {
        recording.ifPresent(SimRecording::close);
      }
      stdout.printf(Locale.ROOT, "reports in %s%n", dir.toAbsolutePath().normalize());
      stdout.flush();
      return 0;
    } catch (IllegalArgumentException | TraceFormatException | PowerDataException
        | SimulationException e) {
      throw new StartupException(e.getMessage(), e);
    }
  }
}
