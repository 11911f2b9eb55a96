package dev.kelvin.app.bench;

import dev.kelvin.app.demo.DemoLogins;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.telemetry.broker.BrokerSettings;
import dev.kelvin.telemetry.broker.EmbeddedBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the agent from its artifact as an operator would, against an embedded broker on a free
 * loopback port, playing a simulated node: waits for its ready line and its first reading,
 * lets it warm up, then reads its memory and CPU time from {@code /proc} every second while a
 * subscriber counts its readings, and finally stops it with SIGTERM.
 */
final class AgentBench {
  private static final NodeId NODE = NodeId.of("bench", "n01");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);

  /** How the agent runs and how long it is measured. */
  record Settings(Duration interval, Duration warmUp, Duration measured) {}

  private final AgentArtifact artifact;
  private final Settings settings;

  AgentBench(AgentArtifact artifact, Settings settings) {
    this.artifact = artifact;
    this.settings = settings;
  }

  AgentRun run() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("kelvin-bench-agent");
    try {
      return run(work);
    } finally {
      deleteQuietly(work);
    }
  }

  private AgentRun run(Path work) throws IOException, InterruptedException {
    DemoLogins logins = new DemoLogins(List.of(NODE), Topics.defaults());
    try (EmbeddedBroker broker = EmbeddedBroker.start(new BrokerSettings(BrokerSettings.LOOPBACK,
            0, BrokerSettings.DEFAULT_MAX_QUEUED, work), logins.access());
        TelemetryWatcher watcher = TelemetryWatcher.open(logins.watcher(broker.uri()),
            Topics.defaults());
        AgentProcess agent = AgentProcess.start(artifact.command(List.of("--config",
            writeConfig(work, logins.agent(broker.uri(), NODE)).toString(), "--simulated")),
            work.resolve("agent.log"))) {
      Duration ready = agent.awaitReady(READY_TIMEOUT);
      Duration firstReading = settings.interval().multipliedBy(3).plusSeconds(10);
      if (!watcher.awaitFirst(firstReading)) {
        throw agent.failure("the agent said it was ready, but no telemetry arrived on "
            + Topics.defaults().allNodes(Topics.Channel.TELEMETRY) + " within "
            + firstReading.toSeconds() + " s");
      }
      pause(agent, settings.warmUp());
      AgentRun measured = measure(agent, watcher, ready);
      return measured.withExitCode(agent.stop(STOP_TIMEOUT));
    }
  }

  /** The figures over the measured window; the exit code is not known yet (-1). */
  private AgentRun measure(AgentProcess agent, TelemetryWatcher watcher, Duration ready)
      throws InterruptedException {
    ProcStats proc = ProcStats.of(agent.pid());
    long started = System.nanoTime();
    Duration cpuBefore = proc.cpuTime();
    long readingsBefore = watcher.received();
    List<Long> rss = new ArrayList<>();
    while (System.nanoTime() - started < settings.measured().toNanos()) {
      long left = settings.measured().toNanos() - (System.nanoTime() - started);
      Thread.sleep(Math.max(1, Math.min(SAMPLE_EVERY.toMillis(), left / 1_000_000)));
      agent.requireAlive("while it was measured");
      rss.add(proc.memory().rssBytes());
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuSeconds = proc.cpuTime().minus(cpuBefore).toNanos() / 1e9;
    long readings = watcher.received() - readingsBefore;
    return new AgentRun(settings.interval(), ready, Duration.ofNanos(Math.round(seconds * 1e9)),
        median(rss), proc.memory().peakRssBytes(), 100 * cpuSeconds / seconds,
        readings / seconds, ProcStats.loadAverage(), -1);
  }

  /** Waits {@code duration}, checking every second that the agent still runs. */
  private static void pause(AgentProcess agent, Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    for (long left = duration.toNanos(); left > 0; left = end - System.nanoTime()) {
      Thread.sleep(Math.max(1, Math.min(SAMPLE_EVERY.toMillis(), left / 1_000_000)));
      agent.requireAlive("while it warmed up");
    }
  }

  /**
   * A simulated node of the demo's kind, publishing every interval to {@code broker} with its
   * login (the password in a file only its owner reads).
   */
  private Path writeConfig(Path work, MqttEndpoint broker) throws IOException {
    Path password = Files.createFile(work.resolve("agent.password"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(password, broker.password().orElseThrow());
    String yaml = String.join("\n",
        "# written by kelvin bench agent",
        "site: " + NODE.site(),
        "node: " + NODE.name(),
        "rack: r1",
        "mqtt:",
        "  broker: " + broker.broker(),
        "  username: " + broker.username().orElseThrow(),
        "  password_file: " + password,
        "publish_interval: " + settings.interval().toMillis() + "ms",
        "simulated:",
        "  workload: demo",
        "");
    return Files.writeString(work.resolve("agent.yaml"), yaml);
  }

  private static long median(List<Long> samples) {
    if (samples.isEmpty()) {
      throw new IllegalStateException("no memory samples: the measured time is too short");
    }
    List<Long> sorted = samples.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static void deleteQuietly(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temporary folder left behind is no failure of the bench
    }
  }
}
