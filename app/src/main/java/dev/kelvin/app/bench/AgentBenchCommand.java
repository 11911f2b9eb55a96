package dev.kelvin.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin bench agent}: the node agent's footprint as a node sees it. Reports the size
 * of the slim artifact, then runs the agent from it in its own JVM, with its
 * {@code jvm.options}, against an embedded broker, and measures its resident memory, its CPU
 * share and the telemetry that arrives, beside the targets (under 64 MB resident, under 1 % of
 * one core at a 1 s interval). Reading a process's figures needs Linux's {@code /proc};
 * elsewhere only the size is reported.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Measures kelvin agent's artifact size, resident memory and CPU share,"
        + " running it from its artifact against an embedded broker.")
public final class AgentBenchCommand implements Callable<Integer> {
  private static final Duration QUICK_SECONDS = Duration.ofSeconds(5);
  private static final Duration QUICK_WARM_UP = Duration.ofSeconds(2);

  @Spec
  private CommandSpec spec;

  @Option(names = "--artifact", paramLabel = "DIR",
      description = "The agent artifact's folder, holding kelvin-agent.jar, lib/ and"
          + " jvm.options (default: the agent folder beside kelvin.jar).")
  private Path artifact;

  @Option(names = "--interval", defaultValue = "1s", converter = DurationOption.class,
      paramLabel = "DURATION",
      description = "The agent's publish interval (default: ${DEFAULT-VALUE}).")
  private Duration interval;

  @Option(names = "--seconds", defaultValue = "60", paramLabel = "N",
      description = "How long to measure, in seconds (default: ${DEFAULT-VALUE}).")
  private int seconds;

  @Option(names = "--warm-up", defaultValue = "10", paramLabel = "N",
      description = "Seconds the agent runs before it is measured (default: ${DEFAULT-VALUE}).")
  private int warmUp;

  @Option(names = "--quick", description = "Measure 5 s after a 2 s warm-up: a smoke run.")
  private boolean quick;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the figures to FILE as JSON.")
  private Path json;

  @Override
  public Integer call() throws Exception {
    AgentBench.Settings settings = settings();
    AgentArtifact agent = AgentArtifact.in(artifact != null ? artifact
        : AgentArtifact.besideRunningKelvin());
    BenchTable table = new BenchTable(spec.commandLine().getOut());
    String machine = BenchCommand.machine();
    AgentReport report;
    // HiveMQ CE's clean-up job logs a RejectedExecutionException at ERROR when the broker is
    // stopped while the job runs: a race in its shutdown, harmless, and it would cut the table.
    try (QuietLogs quiet = QuietLogs.raiseToWarn()
        .silence("com.hivemq.persistence.ScheduledCleanUpService")) {
      table.header(machine);
      AgentArtifact.Size size = agent.size();
      table.row(AgentReport.sizeRow(size));
      report = new AgentReport(size, measure(agent, settings, table), agent.jvmOptions());
      report.runRows().forEach(table::row);
      table.line("agent JVM options (" + agent.folder().resolve(AgentArtifact.JVM_OPTIONS)
          + "): " + String.join(" ", agent.jvmOptions()));
    }
    if (json != null) {
      JsonFile.write(json, report.json(machine));
    }
    return report.stoppedCleanly() ? 0 : 1;
  }

  private static Optional<AgentRun> measure(AgentArtifact agent, AgentBench.Settings settings,
      BenchTable table) throws IOException, InterruptedException {
    if (!ProcStats.available()) {
      table.line("no Linux /proc here (" + System.getProperty("os.name") + "): the agent's"
          + " memory and CPU are not measured, only its artifact's size");
      return Optional.empty();
    }
    table.line(String.format(Locale.ROOT, "running the agent from %s: %d s warm-up, then %d s"
        + " measured...", agent.folder(), settings.warmUp().toSeconds(),
        settings.measured().toSeconds()));
    return Optional.of(new AgentBench(agent, settings).run());
  }

  /** {@code --quick} stands for 5 s after a 2 s warm-up unless those are given too. */
  private AgentBench.Settings settings() {
    boolean secondsGiven = spec.commandLine().getParseResult().hasMatchedOption("--seconds");
    boolean warmUpGiven = spec.commandLine().getParseResult().hasMatchedOption("--warm-up");
    Duration measured = quick && !secondsGiven ? QUICK_SECONDS : Duration.ofSeconds(seconds);
    Duration warm = quick && !warmUpGiven ? QUICK_WARM_UP : Duration.ofSeconds(warmUp);
    if (measured.toSeconds() < 1 || warm.isNegative()) {
      throw new ParameterException(spec.commandLine(), "--seconds must be"
          + " at least 1 and --warm-up at least 0, were " + seconds + " and " + warmUp);
    }
    return new AgentBench.Settings(interval, warm, measured);
  }
}
