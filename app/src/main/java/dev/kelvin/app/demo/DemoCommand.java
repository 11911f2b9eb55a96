package dev.kelvin.app.demo;

import dev.kelvin.app.runtime.ShutdownSignal;
import dev.kelvin.app.runtime.WorkDirs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kelvin demo}: the controller and a simulated site in one process, until Ctrl-C. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs everything in one process: an embedded MQTT broker, a simulated site"
        + " with one node agent per node, the controller (telemetry, served models, rules, safety"
        + " guard, actuator, audit log) and the dashboard. Ctrl-C stops it."})
public final class DemoCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

  @Spec
  private CommandSpec spec;

  @Option(names = "--http-host", defaultValue = "127.0.0.1",
      description = "Address the dashboard listens on (default: ${DEFAULT-VALUE}).")
  private String httpHost;

  @Option(names = "--http-port", defaultValue = "8080",
      description = "Dashboard port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  private int httpPort;

  @Option(names = "--http-allowed-host", split = ",", paramLabel = "NAME[:PORT]",
      description = "A name the dashboard answers to besides this machine's own, e.g. the name"
          + " other machines reach it by; repeatable.")
  private List<String> httpAllowedHosts = new ArrayList<>();

  @Option(names = "--mqtt-port", defaultValue = "1883",
      description = "Embedded MQTT broker port on 127.0.0.1; 0 picks a free one"
          + " (default: ${DEFAULT-VALUE}).")
  private int mqttPort;

  @Option(names = "--racks", defaultValue = "2",
      description = "Racks in the simulated site (default: ${DEFAULT-VALUE}).")
  private int racks;

  @Option(names = "--nodes-per-rack", defaultValue = "16",
      description = "Nodes per rack (default: ${DEFAULT-VALUE}).")
  private int nodesPerRack;

  @Option(names = "--seed", defaultValue = "42",
      description = "Seed of every random choice; the same seed gives the same workload"
          + " (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--tick-seconds", defaultValue = "1",
      description = "How often the control loop decides, in seconds (default: ${DEFAULT-VALUE}).")
  private double tickSeconds;

  @Option(names = "--dry-run",
      description = "Decide and audit every action, but send nothing to the nodes.")
  private boolean dryRun;

  @Option(names = "--audit-file", defaultValue = "kelvin-data/audit.jsonl",
      description = "Append-only audit log, one JSON object per line (default: ${DEFAULT-VALUE}).")
  private Path auditFile;

  @Option(names = "--train-power-model",
      description = "Train the next-minute power model at start-up on simulated history (off:"
          + " only model files are served).")
  private boolean trainPowerModel;

  @Option(names = "--training-minutes", defaultValue = "30",
      description = "Simulated history the power model is trained on with --train-power-model,"
          + " in minutes (default: ${DEFAULT-VALUE}).")
  private int trainingMinutes;

  @Option(names = "--models", paramLabel = "DIR",
      description = "A folder of model files (kelvin train --out) served before the shipped"
          + " ones; a new or changed file is picked up while the demo runs.")
  private Path modelsDir;

  @Override
  public Integer call() throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    quietAgents();
    PrintWriter out = spec.commandLine().getOut();
    Path workDir = WorkDirs.claim(WorkDirs.defaultBase(), "demo");
    try (ShutdownSignal stop = ShutdownSignal.install(); Demo demo = Demo.start(options(workDir))) {
      demo.banner().forEach(out::println);
      out.flush();
      stop.await();
      LOG.info("stopping");
    } finally {
      WorkDirs.release(workDir);
    }
    out.println("Kelvin demo stopped.");
    out.flush();
    return 0;
  }

  /**
   * The demo runs one agent per simulated node in this process: a line from each on every
   * connect and close is noise. Their warnings and errors still show.
   */
  private static void quietAgents() {
    for (String name : new String[] {"dev.kelvin.agent.AgentConnection",
        "dev.kelvin.agent.NodeAgent", "dev.kelvin.app.demo.SiteAgents"}) {
      if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
        logger.setLevel(ch.qos.logback.classic.Level.WARN);
      }
    }
  }

  DemoOptions options(Path workDir) {
    return new DemoOptions(httpHost, httpPort, mqttPort, racks, nodesPerRack, seed,
        Duration.ofMillis(Math.round(tickSeconds * 1000)), dryRun, auditFile,
        Duration.ofMinutes(trainingMinutes), workDir, httpAllowedHosts, trainPowerModel,
        Optional.ofNullable(modelsDir));
  }
}
