package dev.kelvin.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kelvin.app.VersionProvider;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.predictor.forecast.ForecastSettings;
import dev.kelvin.predictor.forecast.PowerForecastTrainer;
import dev.kelvin.predictor.forecast.PowerForecaster;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench}: measures Kelvin's hot paths on this machine and prints the figures
 * with the machine they ran on. Figures to quote come from a full run on an otherwise idle
 * machine; {@code --quick} is a smoke run; {@code --json FILE} writes the figures too.
 * {@code kelvin bench agent} measures the node agent's process instead
 * ({@link AgentBenchCommand}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures ingest, simulation, training, forecasting, rules and a whole"
        + " control tick on this machine, and prints the figures.",
    subcommands = {AgentBenchCommand.class, SimulateBenchCommand.class,
        PolicyBenchCommand.class, PredictBenchCommand.class, IngestBenchCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--quick", description = "Few rounds: checks that every benchmark runs.")
  private boolean quick;

  @Option(names = "--nodes", split = ",", defaultValue = "32,1000",
      description = "Site sizes for the decision benchmarks (default: ${DEFAULT-VALUE}).")
  private List<Integer> sizes;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures to FILE as JSON.")
  private Path json;

  @Override
  public Integer call() throws Exception {
    BenchTable table = new BenchTable(spec.commandLine().getOut());
    String machine = machine();
    List<BenchResult> results = new ArrayList<>();
    try (QuietLogs quiet = QuietLogs.raiseToWarn()) {
      table.header(machine);
      runAll(result -> {
        table.row(result);
        results.add(result);
      });
    }
    if (json != null) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("version", VersionProvider.version());
      figures.put("machine", machine);
      figures.put("quick", quick);
      figures.put("results", results.stream().map(BenchResult::json).toList());
      JsonFile.write(json, figures);
    }
    return 0;
  }

  /** Every benchmark, each result reported as soon as it is measured. */
  private void runAll(Consumer<BenchResult> report) throws JsonProcessingException {
    Benchmarks bench = new Benchmarks(quick ? 3 : 40);
    RulePolicy rules = Benchmarks.rules();
    List<NodeReading> history = Benchmarks.trainingHistory();
    PowerForecaster forecaster = new PowerForecastTrainer().train(history,
        ForecastSettings.defaults()).predictor();
    for (int nodes : sizes) {
      BenchSite site = new BenchSite(nodes, 11);
      report.accept(bench.ingest(site));
      report.accept(bench.forecast(site, forecaster));
      report.accept(bench.rules(site, rules));
      report.accept(bench.tick(site, forecaster, rules));
      report.accept(bench.tickOnSnapshot(site, forecaster, rules));
    }
    report.accept(bench.history(32));
    report.accept(bench.train(history));
  }

  /** The CPU model, core count, OS and JVM: figures mean nothing without them. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(Locale.ROOT, "%s, %d CPUs, %s %s, Java %s (%s), max heap %d MiB,"
        + " collector %s", cpuModel(), runtime.availableProcessors(),
        System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version(),
        System.getProperty("java.vendor"), runtime.maxMemory() >> 20, collector());
  }

  /** The garbage collector this JVM runs, as its beans name it (e.g. {@code G1}). */
  static String collector() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(bean -> bean.getName().split(" ")[0]).distinct()
        .collect(java.util.stream.Collectors.joining("/"));
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown CPU");
    } catch (IOException | RuntimeException e) {
      return "unknown CPU";
    }
  }
}
