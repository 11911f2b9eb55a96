package dev.kelvin.app.bench;

import dev.kelvin.app.VersionProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench simulate}: replays the KTH-SP2 trace for its full year on a 1,000-node
 * site (and four copies of it on 10,000 nodes) and prints Kelvin's wall time and peak memory
 * beside CloudSim Plus 8.5.7 doing the same work in the same run, with the ratio and the
 * issue's targets. Run it from the repository root after building {@code bench-cloudsim}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Replays the KTH-SP2 year in Kelvin's simulator and in CloudSim Plus, and"
        + " prints wall time, peak memory and their ratio.")
public final class SimulateBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures to FILE as JSON.")
  private Path json;

  @Option(names = "--data", paramLabel = "DIR", description = "The reference data folder"
      + " (default: the kelvin.data.dir property, else ../shared/data).")
  private Path data;

  @Option(names = "--no-cloudsim", description = "Kelvin's side only (no ratio).")
  private boolean noCloudsim;

  @Option(names = "--timeout", defaultValue = "20m", converter = DurationOption.class,
      paramLabel = "DURATION", description = "Per case (default: ${DEFAULT-VALUE}).")
  private Duration timeout;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path dataDir = data != null ? data : Path.of(System.getProperty("kelvin.data.dir",
        "../shared/data"));
    Path trace = dataDir.resolve("swf-kth-sp2-1996/KTH-SP2-1996-2.1-cln.swf.gz");
    Optional<CloudSimSide> cloudsim = noCloudsim ? Optional.empty()
        : Optional.of(CloudSimSide.in(Path.of(""), timeout));
    String machine = BenchCommand.machine();
    out.println("kelvin bench simulate on " + machine);
    out.printf(Locale.ROOT, "%-14s %10s %10s   %-14s %10s %10s %8s  %s%n", "case", "kelvin s",
        "peak MB", "cloudsim case", "cloudsim s", "peak MB", "ratio", "target");
    out.flush();
    Map<CloudSimSide.Case, CloudSimSide.Result> cloudsimRuns =
        new EnumMap<>(CloudSimSide.Case.class);
    List<SimulateBench.Row> rows = new ArrayList<>();
    for (SimulateBench.Case which : SimulateBench.Case.values()) {
      SimulateBench.KelvinResult kelvin = SimulateBench.kelvin(which, dataDir, timeout);
      Optional<CloudSimSide.Result> other = which.cloudsim.flatMap(c -> cloudsim.map(side ->
          cloudsimRuns.computeIfAbsent(c, key -> runCloudSim(side, key, trace))));
      SimulateBench.Row row = new SimulateBench.Row(which, kelvin, other);
      rows.add(row);
      print(out, row);
    }
    if (json != null) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("version", VersionProvider.version());
      figures.put("machine", machine);
      figures.put("trace", "KTH-SP2-1996-2.1-cln, 28,476 jobs, one year");
      figures.put("cases", rows.stream().map(SimulateBench.Row::json).toList());
      JsonFile.write(json, figures);
    }
    return rows.stream().allMatch(SimulateBench.Row::pass) ? 0 : 1;
  }

  private static CloudSimSide.Result runCloudSim(CloudSimSide side, CloudSimSide.Case which,
      Path trace) {
    try {
      return side.run(which, trace, 1_000, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while CloudSim Plus ran " + which.label(), e);
    }
  }

  private static void print(PrintWriter out, SimulateBench.Row row) {
    SimulateBench.KelvinResult kelvin = row.kelvin();
    String cloudsimCase = row.cloudsim().map(c -> c.which().label()).orElse("-");
    String cloudsimS = row.cloudsim().map(c -> fmt("%.1f", c.wallS())).orElse("-");
    String cloudsimMb = row.cloudsim().map(c -> fmt("%.0f", c.peakMb())).orElse("-");
    String ratio = row.cloudsim().isPresent() ? fmt("%.1fx", row.ratio()) : "-";
    out.printf(Locale.ROOT, "%-14s %10.1f %10.0f   %-14s %10s %10s %8s  %s %s%n",
        row.which().label, kelvin.wallS(), kelvin.peakMb(), cloudsimCase, cloudsimS, cloudsimMb,
        ratio, row.which().target(), row.pass() ? "PASS" : "OVER");
    out.flush();
  }

  private static String fmt(String format, double value) {
    return String.format(Locale.ROOT, format, value);
  }
}
