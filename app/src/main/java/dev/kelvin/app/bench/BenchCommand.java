package dev.kelvin.app.bench;

import dev.kelvin.app.VersionProvider;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.predictor.forecast.ForecastSettings;
import dev.kelvin.predictor.forecast.PowerForecastTrainer;
import dev.kelvin.predictor.forecast.PowerForecaster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench}: measures Kelvin's hot paths on this machine and prints the figures
 * with the machine they ran on. Figures to quote come from a full run on an otherwise idle
 * machine; {@code --quick} is a smoke run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measures ingest, simulation, training, forecasting, rules and a whole"
        + " control tick on this machine, and prints the figures.")
public final class BenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--quick", description = "Few rounds: checks that every benchmark runs.")
  private boolean quick;

  @Option(names = "--nodes", split = ",", defaultValue = "32,1000",
      description = "Site sizes for the decision benchmarks (default: ${DEFAULT-VALUE}).")
  private List<Integer> sizes;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Kelvin " + VersionProvider.version() + " bench on " + machine());
    out.println(String.format(Locale.ROOT, "%-36s %-12s %-22s %s", "benchmark", "size", "result",
        ""));
    Benchmarks bench = new Benchmarks(quick ? 3 : 40);
    RulePolicy rules = Benchmarks.rules();
    List<NodeReading> history = Benchmarks.trainingHistory();
    PowerForecaster forecaster = new PowerForecastTrainer().train(history,
        ForecastSettings.defaults()).predictor();
    for (int nodes : sizes) {
      BenchSite site = new BenchSite(nodes, 11);
      print(out, bench.ingest(site));
      print(out, bench.forecast(site, forecaster));
      print(out, bench.rules(site, rules));
      print(out, bench.tick(site, forecaster, rules));
    }
    print(out, bench.history(32));
    print(out, bench.train(history));
    return 0;
  }

  private static void print(PrintWriter out, BenchResult result) {
    out.println(String.format(Locale.ROOT, "%-36s %-12s %-22s %s", result.name(), result.size(),
        result.figure(), result.detail()));
    out.flush();
  }

  /** The CPU model, core count, OS and JVM: figures mean nothing without them. */
  static String machine() {
    Runtime runtime = Runtime.getRuntime();
    return String.format(Locale.ROOT, "%s, %d CPUs, %s %s, Java %s (%s), max heap %d MiB",
        cpuModel(), runtime.availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), Runtime.version(), System.getProperty("java.vendor"),
        runtime.maxMemory() >> 20);
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
