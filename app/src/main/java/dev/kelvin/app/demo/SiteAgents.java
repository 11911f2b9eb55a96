package dev.kelvin.app.demo;

import dev.kelvin.agent.AgentSettings;
import dev.kelvin.agent.AgentStats;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.app.runtime.Closer;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.app.runtime.Threads;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.time.Scheduler;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.simulator.SimulatedNode;
import dev.kelvin.simulator.SimulatedSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated site brought to life: its physics advanced on a scheduler, and one real node
 * agent per simulated node, publishing telemetry and obeying commands over MQTT exactly as on
 * a real node. The agents share one scheduler for their publish ticks and each gets one of
 * its own for lease expiry. Used by the demo (wall clock, embedded broker) and by tests in
 * virtual time (loopback broker).
 */
public final class SiteAgents implements AutoCloseable {
  /** How often the site's physics advance. */
  public static final Duration PHYSICS_STEP = Duration.ofMillis(250);
  private static final Logger LOG = LoggerFactory.getLogger(SiteAgents.class);

  private final Closer closer = new Closer();
  private final SimulatedSite site;
  private final List<NodeAgent> agents = new ArrayList<>();
  private boolean sequential;

  private SiteAgents(SimulatedSite site) {
    this.site = site;
  }

  /**
   * Starts the physics and connects one agent per node, each with its own {@code settings}
   * (its login), in parallel on the wall clock.
   */
  public static SiteAgents start(SimulatedSite site, Function<NodeId, AgentSettings> settings,
      MqttTransport transport, Schedulers schedulers) {
    SiteAgents running = new SiteAgents(site);
    try {
      running.boot(settings, transport, schedulers);
      return running;
    } catch (RuntimeException | Error e) {
      running.close();
      throw e;
    }
  }

  private void boot(Function<NodeId, AgentSettings> settings, MqttTransport transport,
      Schedulers schedulers) {
    Scheduler physics = schedulers.get("simulator");
    Scheduler.Task steps = physics.every("simulator physics", PHYSICS_STEP, PHYSICS_STEP,
        () -> site.advanceTo(physics.now()));
    closer.add("simulator physics", steps::cancel);
    Scheduler ticks = schedulers.get("agents", 2);
    for (SimulatedNode node : site.nodes()) {
      Scheduler leases = schedulers.get("lease-" + node.node().site() + "-"
          + node.node().name());
      agents.add(new NodeAgent(settings.apply(node.node()), node, transport, ticks, leases));
    }
    sequential = schedulers.isVirtual();
    closer.add("node agents", () -> closeAll());
    long started = System.nanoTime();
    if (sequential) {
      agents.forEach(NodeAgent::start);
    } else {
      Threads.inParallel(agents, NodeAgent::start);
    }
    LOG.info("{} node agents connected in {} ms, one per simulated node", agents.size(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  public SimulatedSite site() {
    return site;
  }

  public List<NodeAgent> agents() {
    return List.copyOf(agents);
  }

  /** Every agent's counts, for metrics. */
  public List<AgentStats> stats() {
    return agents.stream().map(NodeAgent::stats).toList();
  }

  private void closeAll() {
    if (sequential) {
      agents.forEach(NodeAgent::close);
    } else {
      Threads.inParallel(agents, NodeAgent::close);
    }
  }

  /** Closes every agent (restoring every cap it holds), then stops the physics. */
  @Override
  public void close() {
    closer.close();
  }
}
