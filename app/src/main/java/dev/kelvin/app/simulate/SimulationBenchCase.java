package dev.kelvin.app.simulate;

import dev.kelvin.app.bench.QuietLogs;
import dev.kelvin.simulator.engine.FailureInputs;
import dev.kelvin.simulator.engine.SimulationEngine;
import dev.kelvin.simulator.engine.SimulationSetup;
import dev.kelvin.simulator.engine.Progress;
import dev.kelvin.simulator.report.RunSummary;
import dev.kelvin.simulator.scenario.ControlSettings;
import dev.kelvin.simulator.scenario.CoolingSettings;
import dev.kelvin.simulator.scenario.FailureSettings;
import dev.kelvin.simulator.scenario.PowerSettings;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioSite;
import dev.kelvin.simulator.scenario.TelemetrySettings;
import dev.kelvin.simulator.scenario.TraceSource;
import dev.kelvin.simulator.power.DvfsExponent;
import dev.kelvin.simulator.power.SpecPowerResults;
import dev.kelvin.simulator.trace.TraceJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One case of {@code kelvin bench simulate}, run in a JVM of its own so that its peak memory is
 * its own: the whole KTH-SP2 trace on a 1,000-node site (or, for {@code scale-10k}, four copies
 * of it side by side on 10,000 nodes), no failures, EASY backfilling. Prints one JSON line:
 * its wall time (trace reading included, JVM start-up not), jobs, events and energy. The
 * {@code control-5min} case runs the whole control loop: the shipped rules, the guard and the
 * predictor serving the shipped failure and anomaly models.
 */
public final class SimulationBenchCase {
  static final String KTH = "swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz";
  /** Job ids of the n-th copy of the trace are offset by n times this. */
  static final long COPY_ID_OFFSET = 1_000_000;
  /** The shipped models the control case's predictor serves (classpath names). */
  static final List<String> SHIPPED_MODELS = List.of("models/failure-telemetry.model",
      "models/anomaly-telemetry.model");

  /** The cases, as the issue names them. */
  enum Case {
    EXACT_ENERGY("exact-energy", 1_000, 1, false, Optional.empty()),
    SAMPLING_60S("sampling-60s", 1_000, 1, false, Optional.of(Duration.ofSeconds(60))),
    CONTROL_5MIN("control-5min", 1_000, 1, true, Optional.empty()),
    SCALE_10K("scale-10k", 10_000, 4, false, Optional.empty());

    final String label;
    final int nodes;
    final int copies;
    final boolean control;
    final Optional<Duration> sampleEvery;

    Case(String label, int nodes, int copies, boolean control, Optional<Duration> sampleEvery) {
      this.label = label;
      this.nodes = nodes;
      this.copies = copies;
      this.control = control;
      this.sampleEvery = sampleEvery;
    }

    static Case of(String label) {
      for (Case each : values()) {
        if (each.label.equals(label)) {
          return each;
        }
      }
      throw new IllegalArgumentException("no bench case " + label);
    }
  }

  private SimulationBenchCase() {}

  /** {@code CASE DATA_DIR}. */
  public static void main(String[] args) {
    long started = System.nanoTime();
    Case which = Case.of(args[0]);
    Path dataDir = Path.of(args[1]);
    SimulationPlan plan = SimulationPlan.of(scenario(which, dataDir), dataDir);
    RunSummary summary;
    // as kelvin simulate runs it: the control loop's lapse lines silenced (SimulationRuns)
    try (QuietLogs quiet = QuietLogs.raiseToWarn().silence(SimulationRuns.CONTROL_LOOP_LOG)) {
      summary = new SimulationEngine(copies(plan.setup(), which.copies)).run(Progress.NONE)
          .summary();
    }
    double wallS = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "{\"case\": \"%s\", \"wall_s\": %.3f, \"jobs\": %d,"
        + " \"events\": %d, \"energy_kwh\": %.3f, \"simulated_s\": %.0f}%n", which.label, wallS,
        summary.jobsSubmitted(), summary.events(), summary.energyKwh(), summary.simulatedS());
  }

  static Scenario scenario(Case which, Path dataDir) {
    return new Scenario("bench-" + which.label, 1,
        new TraceSource(dataDir.resolve(KTH).toAbsolutePath(), TraceSource.Format.SWF, 0, OptionalDouble.empty(),
            1),
        List.of(new ScenarioSite("a", which.nodes, OptionalDouble.empty(), 300, 0.15, 20)),
        which.control ? new ControlSettings(Duration.ofMinutes(5), ControlSettings.DEFAULT,
            shippedModels()) : new ControlSettings(Duration.ofMinutes(5), ControlSettings.NONE),
        new PowerSettings(SpecPowerResults.DEFAULT_HPC_SERVER, DvfsExponent.HOTPOWER12, 0.8,
            0.5, 5, Duration.ofMinutes(2)),
        new CoolingSettings(4, 20, 0.1, 1.5, 0.08), new TelemetrySettings(which.sampleEvery, 10),
        new FailureSettings(FailureSettings.NONE, 1, Duration.ofMinutes(30),
            OptionalDouble.empty(), Duration.ofHours(1), List.of()),
        Scenario.SchedulerKind.EASY);
  }

  /**
   * The shipped failure and anomaly models, copied out of the classpath (they may sit inside
   * {@code kelvin.jar}) into a folder deleted when the JVM exits, as scenario model paths.
   */
  static List<String> shippedModels() {
    try {
      Path folder = Files.createTempDirectory("kelvin-bench-models");
      folder.toFile().deleteOnExit();
      List<String> files = new ArrayList<>();
      for (String name : SHIPPED_MODELS) {
        Path file = folder.resolve(Path.of(name).getFileName().toString());
        try (InputStream in = SimulationBenchCase.class.getClassLoader()
            .getResourceAsStream(name)) {
          if (in == null) {
            throw new IllegalStateException("the shipped model " + name + " is not on the"
                + " classpath: is this a build without app/src/main/resources/models?");
          }
          Files.copy(in, file);
        }
        file.toFile().deleteOnExit();
        files.add(file.toAbsolutePath().toString());
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the shipped models for the bench: " + e, e);
    }
  }

  /** The setup with its jobs replayed {@code copies} times side by side. */
  static SimulationSetup copies(SimulationSetup setup, int copies) {
    if (copies == 1) {
      return setup;
    }
    List<TraceJob> jobs = new ArrayList<>(setup.jobs().size() * copies);
    for (int copy = 0; copy < copies; copy++) {
      for (TraceJob job : setup.jobs()) {
        jobs.add(new TraceJob(job.id() + copy * COPY_ID_OFFSET, job.submitS(), job.nodes(),
            job.runS(), job.requestedS(), job.utilRatio(), job.gpusPerNode()));
      }
    }
    jobs.sort(Comparator.comparingLong(TraceJob::submitS).thenComparingLong(TraceJob::id));
    return new SimulationSetup(setup.scenario(), jobs, setup.start(), setup.horizonS(),
        setup.nodePower(), setup.clock(), setup.thermal(), setup.cpuTempLimitC(), setup.batch(),
        setup.control(), FailureInputs.NONE);
  }
}
