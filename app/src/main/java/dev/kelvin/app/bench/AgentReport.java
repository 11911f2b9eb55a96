package dev.kelvin.app.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of {@code kelvin bench agent} beside the agent's targets: as table rows for
 * people and as the JSON keys its issue names. Targets: under 64 MB resident (1000-based MB,
 * as everywhere in Kelvin) and under 1 % of one core at a 1 s interval.
 */
final class AgentReport {
  static final long RSS_TARGET_BYTES = 64_000_000L;
  static final double CPU_TARGET_PERCENT = 1.0;

  private final AgentArtifact.Size size;
  private final Optional<AgentRun> run;
  private final List<String> jvmOptions;

  AgentReport(AgentArtifact.Size size, Optional<AgentRun> run, List<String> jvmOptions) {
    this.size = size;
    this.run = run;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  /** The artifact's size: jars, MiB and bytes. */
  static BenchResult sizeRow(AgentArtifact.Size size) {
    return new BenchResult("agent: artifact, jar + lib/", size.jars() + " jars",
        String.format(Locale.ROOT, "%.1f MiB", size.mebibytes()),
        String.format(Locale.ROOT, "%,d bytes", size.bytes()));
  }

  /** Memory, CPU, telemetry and the stop, beside their targets; none when nothing ran. */
  List<BenchResult> runRows() {
    return run.map(AgentReport::runRows).orElse(List.of());
  }

  /** Whether the agent exited 0 on SIGTERM (true when it was not run). */
  boolean stoppedCleanly() {
    return run.map(measured -> measured.exitCode() == 0).orElse(true);
  }

  private static List<BenchResult> runRows(AgentRun run) {
    String at = seconds(run.interval()) + " s interval";
    return List.of(
        new BenchResult("agent: resident memory, steady", at, megabytes(run.rssBytes()),
            "target < 64 MB: " + verdict(run.rssBytes() < RSS_TARGET_BYTES)),
        new BenchResult("agent: resident memory, peak", at, megabytes(run.peakRssBytes()),
            "VmHWM, start-up included"),
        new BenchResult("agent: CPU, share of one core", at,
            String.format(Locale.ROOT, "%.2f %%", run.cpuPercent()),
            "target < 1 %: " + verdict(run.cpuPercent() < CPU_TARGET_PERCENT)),
        new BenchResult("agent: telemetry received", at,
            String.format(Locale.ROOT, "%.2f reading/s", run.readingsPerSecond()),
            "over " + seconds(run.measured()) + " s after warm-up"),
        new BenchResult("machine: load average, 1 min", "", String.format(Locale.ROOT,
            "%.2f", run.loadAverage()), "other work here skews the CPU figure"),
        new BenchResult("agent: start to ready line", "", seconds(run.ready()) + " s",
            "JVM start, configuration, broker connection"),
        new BenchResult("agent: stop on SIGTERM", "", "exit " + run.exitCode(),
            "expected 0: " + (run.exitCode() == 0 ? "PASS" : "FAILED")));
  }

  /** The figures under the keys the issue names; only the size when nothing ran. */
  Map<String, Object> json(String machine) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("agent_artifact_bytes", size.bytes());
    json.put("agent_artifact_jars", size.jars());
    run.ifPresent(measured -> {
      json.put("agent_rss_bytes", measured.rssBytes());
      json.put("agent_rss_peak_bytes", measured.peakRssBytes());
      json.put("agent_cpu_percent", measured.cpuPercent());
      json.put("agent_readings_per_second", measured.readingsPerSecond());
      json.put("machine_load_average", measured.loadAverage());
      json.put("agent_ready_seconds", measured.ready().toNanos() / 1e9);
      json.put("agent_exit_code", measured.exitCode());
      json.put("interval_seconds", measured.interval().toNanos() / 1e9);
      json.put("measured_seconds", measured.measured().toNanos() / 1e9);
    });
    json.put("agent_jvm_options", jvmOptions);
    json.put("machine", machine);
    return json;
  }

  private static String verdict(boolean withinTarget) {
    return withinTarget ? "PASS" : "OVER";
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB (%.1f MiB)", bytes / 1e6, bytes / 1048576.0);
  }

  /** Whole seconds as {@code 60}, shorter ones to the millisecond, longer to a tenth. */
  private static String seconds(Duration duration) {
    BigDecimal seconds = BigDecimal.valueOf(duration.toMillis()).movePointLeft(3);
    if (seconds.compareTo(BigDecimal.ONE) > 0) {
      seconds = seconds.setScale(1, RoundingMode.HALF_UP);
    }
    return seconds.stripTrailingZeros().toPlainString();
  }
}
