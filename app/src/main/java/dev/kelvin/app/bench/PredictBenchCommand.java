package dev.kelvin.app.bench;

import dev.kelvin.app.StartupException;
import dev.kelvin.app.VersionProvider;
import dev.kelvin.app.models.ShippedModels;
import dev.kelvin.predictor.serve.ModelFolder;
import dev.kelvin.predictor.serve.ModelLoader;
import dev.kelvin.predictor.serve.ModelLoaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench predict}: the served models' inference per tick at 10,000 nodes by
 * default, on a simulated site where a job runs on every node and every node reports what the
 * node-failure features read (a few with failure precursors; see {@link PredictWorld}), after
 * an hour of history, timed as the control loop calls it: {@code ModelPredictor.predict} on the
 * whole snapshot, one batch per model, the site running on by one second between ticks. Prints
 * per kind and in total the microseconds per node (median and 99th percentile over the
 * measured ticks) against the target of 20 µs per node on 2 cores, and how many
 * predictions each kind made.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Times the served models' predictions for one snapshot, per node and tick.")
public final class PredictBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "10000", description = "Nodes (default: "
      + "${DEFAULT-VALUE}; a multiple of a rack size up to 50).")
  private int nodes;

  @Option(names = "--model", paramLabel = "FILE", arity = "1..*",
      description = "Model files to serve (kelvin train --out), at most one per kind; default:"
          + " the shipped models.")
  private List<Path> models = new ArrayList<>();

  @Option(names = "--rounds", defaultValue = "100",
      description = "Measured ticks (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--quick", description = "Few ticks: checks that the benchmark runs.")
  private boolean quick;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures to FILE as JSON.")
  private Path json;

  /** The loaders the models are read with: the controller's own. */
  private final List<? extends ModelLoader> loaders;

  public PredictBenchCommand() {
    this(ModelLoaders.standard());
  }

  PredictBenchCommand(List<? extends ModelLoader> loaders) {
    this.loaders = List.copyOf(loaders);
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = models.isEmpty() ? shipped() : models;
    if (files.isEmpty()) {
      throw new StartupException("no model to time: give --model FILE (written by kelvin train"
          + " ... --out FILE); this build ships none");
    }
    String machine = BenchCommand.machine();
    out.println("kelvin bench predict on " + machine);
    out.flush();
    PredictBench.Result result;
    try (QuietLogs quiet = QuietLogs.raiseToWarn()) {
      result = PredictBench.run(PredictWorld.build(nodes, 11), loaders, files, quick ? 3 : 30,
          quick ? 5 : rounds);
    }
    print(out, result);
    if (json != null) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("version", VersionProvider.version());
      figures.put("machine", machine);
      figures.put("quick", quick);
      figures.putAll(result.json());
      JsonFile.write(json, figures);
    }
    return 0;
  }

  private static List<Path> shipped() {
    return ShippedModels.folder().map(folder -> modelFiles(folder.folder())).orElse(List.of());
  }

  private static List<Path> modelFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(ModelFolder.SUFFIX))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the shipped models in " + folder, e);
    }
  }

  private static void print(PrintWriter out, PredictBench.Result r) {
    out.printf(Locale.ROOT, "%,d nodes (%d with failure precursors), %d history ticks over an"
        + " hour, then %d ticks measured after %d warm-up ticks, 1 s apart; %,d predictions in"
        + " the last tick%n", r.nodes(), r.risks().precursorNodes(), r.historyTicks(), r.ticks(),
        r.warmups(), r.predictions());
    out.printf(Locale.ROOT, "%-36s %12s %12s %12s %12s %10s%n", "", "p50 µs/node",
        "p99 µs/node", "p50 ms/tick", "p99 ms/tick", "predicted");
    for (PredictBench.KindResult kind : r.kinds()) {
      row(out, kind.kind().wireName() + " " + kind.version(), kind.timing(),
          String.format(Locale.ROOT, "%,d", kind.predictions()));
    }
    row(out, "whole tick (ModelPredictor.predict)", r.total(), "");
    out.printf(Locale.ROOT, "predicted: the fewest predictions of any measured tick (a node"
        + " model predicts for each node it can describe)%n");
    if (!Double.isNaN(r.risks().othersMedian())) {
      out.printf(Locale.ROOT, "median failure risk, last tick: %.3f on the nodes with"
          + " precursors, %.3f on the others%n", r.risks().precursorMedian(),
          r.risks().othersMedian());
    }
    out.printf(Locale.ROOT, "target ≤ %.0f µs per node (p50 of the whole tick): %s%n",
        PredictBench.TARGET_MICROS_PER_NODE, r.targetMet() ? "met" : "NOT met");
    out.flush();
  }

  private static void row(PrintWriter out, String name, PredictBench.Timing t,
      String predicted) {
    out.printf(Locale.ROOT, "%-36s %12.2f %12.2f %12.2f %12.2f %10s%n", name,
        t.p50MicrosPerNode(), t.p99MicrosPerNode(), t.p50MsPerTick(), t.p99MsPerTick(),
        predicted);
  }
}
