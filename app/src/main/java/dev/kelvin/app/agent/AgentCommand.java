package dev.kelvin.app.agent;

import dev.kelvin.agent.AgentException;
import dev.kelvin.agent.AgentStats;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.agent.lease.Refusal;
import dev.kelvin.app.StartupException;
import dev.kelvin.app.VersionProvider;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.app.runtime.ShutdownSignal;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.mqtt.PahoTransport;
import dev.kelvin.simulator.SelfAdvancingNode;
import dev.kelvin.simulator.SimulatedSite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kelvin agent}: the node agent as its own process, on its slim artifact
 * ({@code app/target/agent}: its own jar and {@code lib/}, none of the controller's
 * libraries). It plays a simulated node for now ({@code --simulated}); reading real Linux
 * hardware comes behind the same {@code NodeHardware} port.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {"Runs the node agent of one node: publishes its telemetry over MQTT every"
        + " interval and applies the controller's setpoints under leases, restoring the"
        + " defaults when a lease runs out. Ctrl-C stops it, restoring every setpoint it holds."})
public final class AgentCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(AgentCommand.class);
  private static final Duration STATUS_EVERY = Duration.ofMinutes(1);

  @Spec
  private CommandSpec spec;

  @Option(names = "--config", defaultValue = "agent.yaml",
      description = "The agent's configuration file, YAML (default: ${DEFAULT-VALUE}).")
  private Path config;

  @Option(names = "--simulated",
      description = "Play a simulated node (the only hardware this version reads).")
  private boolean simulated;

  @Option(names = "--check",
      description = "Read and check the configuration, print what it says, and exit.")
  private boolean check;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    AgentConfig settings = AgentConfig.read(config);
    if (!simulated) {
      throw new StartupException("this version reads no real node hardware yet: run it with"
          + " --simulated to play a simulated node (Linux sysfs and NVML come behind the same"
          + " NodeHardware port)");
    }
    if (check) {
      out.println(config + ": configuration is valid; agent of " + settings.node() + " on "
          + settings.agent().endpoint() + ", simulated " + settings.simulated().describe());
      out.flush();
      return 0;
    }
    long started = System.nanoTime();
    try (ShutdownSignal stop = ShutdownSignal.install();
        Schedulers schedulers = Schedulers.wallClock()) {
      NodeAgent agent = start(settings, schedulers);
      try (agent) {
        out.println(String.format(Locale.ROOT, "Kelvin %s agent of %s ready in %.1f s:"
                + " broker %s, simulated %s", VersionProvider.version(), settings.node(),
            (System.nanoTime() - started) / 1e9, settings.agent().endpoint(),
            settings.simulated().describe()));
        out.flush();
        stop.await();
        LOG.info("stopping");
      }
    }
    out.println("Kelvin agent stopped.");
    out.flush();
    return 0;
  }

  private static NodeAgent start(AgentConfig settings, Schedulers schedulers) {
    SimulatedSite site = settings.simulated().site(settings.node(), settings.rack(),
        Instant.now());
    Scheduler ticks = schedulers.get("agent");
    NodeAgent agent = new NodeAgent(settings.agent(),
        new SelfAdvancingNode(site, settings.node(), ticks::now), PahoTransport.INSTANCE, ticks,
        schedulers.get("leases"));
    try {
      agent.start();
    } catch (AgentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    schedulers.get("agent").every("agent status", STATUS_EVERY, STATUS_EVERY,
        () -> LOG.info(status(agent.stats())));
    return agent;
  }

  private static String status(AgentStats stats) {
    return String.format(Locale.ROOT, "%s; %d readings published, %d waiting, %d dropped;"
            + " %d commands applied, %d rejected%s, %d duplicate(s); %d lease(s) held,"
            + " %d expired",
        stats.connected() ? "connected" : "not connected", stats.readingsPublished(),
        stats.backlog(), stats.readingsDropped(), stats.commandsApplied(),
        stats.commandsRejected(), refusals(stats), stats.commandsDuplicate(),
        stats.leasesHeld(), stats.leasesExpired());
  }

  /** The reasons of the rejections so far: {@code " (issued_in_future 1, stale 2)"}. */
  private static String refusals(AgentStats stats) {
    StringJoiner reasons = new StringJoiner(", ", " (", ")").setEmptyValue("");
    for (Refusal reason : Refusal.values()) {
      if (stats.refused(reason) > 0) {
        reasons.add(reason.label() + " " + stats.refused(reason));
      }
    }
    return reasons.toString();
  }
}
