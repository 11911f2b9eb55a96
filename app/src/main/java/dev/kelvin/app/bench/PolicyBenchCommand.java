package dev.kelvin.app.bench;

import dev.kelvin.app.VersionProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench policy}: one policy tick (every shipped rule deciding on a snapshot of
 * 10,000 nodes and 50,000 jobs by default, the site run on by one control interval before each
 * round) timed over many rounds, beside the thermal and budget rules written as plain Java on
 * the same snapshots, with p50, p99 and their ratio against the target (p99 under
 * 100 ms on 2 cores).
 */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Times one policy tick at 10,000 nodes and 50,000 jobs, beside plain Java.")
public final class PolicyBenchCommand implements Callable<Integer> {
  static final double TARGET_P99_MS = 100;

  @Spec
  private CommandSpec spec;

  @Option(names = "--nodes", defaultValue = "10000", description = "Nodes (default: "
      + "${DEFAULT-VALUE}; a multiple of a rack size up to 50).")
  private int nodes;

  @Option(names = "--jobs", defaultValue = "50000",
      description = "Jobs, running and pending (default: ${DEFAULT-VALUE}).")
  private int jobs;

  @Option(names = "--rounds", defaultValue = "200",
      description = "Measured rounds of each (default: ${DEFAULT-VALUE}).")
  private int rounds;

  @Option(names = "--quick", description = "Few rounds: checks that the benchmark runs.")
  private boolean quick;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures to FILE as JSON.")
  private Path json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String machine = BenchCommand.machine();
    out.println("kelvin bench policy on " + machine);
    out.flush();
    PolicyBench.Result result;
    try (QuietLogs quiet = QuietLogs.raiseToWarn()) {
      result = PolicyBench.run(nodes, jobs, quick ? 2 : 30, quick ? 5 : rounds, 11);
    }
    print(out, result);
    if (json != null) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("version", VersionProvider.version());
      figures.put("machine", machine);
      figures.put("quick", quick);
      figures.put("target_p99_ms", TARGET_P99_MS);
      figures.putAll(result.json());
      JsonFile.write(json, figures);
    }
    return 0;
  }

  private static void print(PrintWriter out, PolicyBench.Result r) {
    out.printf(Locale.ROOT, "%,d nodes, %,d jobs, %d rounds; rules: %s%n", r.nodes(), r.jobs(),
        r.rounds(), String.join(", ", r.rules()));
    out.printf(Locale.ROOT, "%-32s %10s %10s %9s %12s%n", "", "p50 ms", "p99 ms", "actions",
        "MiB a tick");
    row(out, "every shipped rule (Drools)", r.whole());
    row(out, "thermal + budget (Drools)", r.subset());
    row(out, "thermal + budget (plain Java)", r.plain());
    out.printf(Locale.ROOT, "ratio (thermal + budget p99, Drools / plain Java) %.2f; same"
        + " actions: %s; target p99 < %.0f ms: %s%n", r.ratio(), r.sameActions() ? "yes" : "NO",
        TARGET_P99_MS, r.whole().p99Ms() < TARGET_P99_MS ? "met" : "NOT met");
    out.flush();
  }

  private static void row(PrintWriter out, String name, PolicyBench.Timing timing) {
    out.printf(Locale.ROOT, "%-32s %10.1f %10.1f %9d %12.1f%n", name, timing.p50Ms(),
        timing.p99Ms(), timing.actions(), timing.allocMib());
  }
}
