package dev.kelvin.app.ingest;

import dev.kelvin.agent.AgentSettings;
import dev.kelvin.agent.AgentStats;
import dev.kelvin.agent.NodeAgent;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.time.WallClockScheduler;
import dev.kelvin.core.wire.MqttEndpoint;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.PahoTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Real node agents ({@link NodeAgent} over Paho, the product's publishing path with its
 * telemetry backlog and reconnects), one per {@link SteadyNode}, sharing one tick scheduler as
 * the demo's agents do.
 */
final class AgentFleet implements AutoCloseable {
  private static final int PARALLEL = 16;
  private final WallClockScheduler ticks = new WallClockScheduler("fleet-ticks", 2);
  private final WallClockScheduler leases = new WallClockScheduler("fleet-leases");
  private final List<SteadyNode> nodes = new ArrayList<>();
  private final List<NodeAgent> agents = new ArrayList<>();

  /** Starts {@code count} agents of site-a's n000, n001, ... publishing every {@code interval}. */
  AgentFleet(MqttEndpoint broker, Topics topics, int count, Duration interval) {
    AgentSettings settings = AgentSettings.defaults(broker).withTopics(topics)
        .withPublishInterval(interval).withRequireBrokerAtStart(true);
    for (int i = 0; i < count; i++) {
      SteadyNode node = new SteadyNode(NodeId.of("site-a", String.format("n%03d", i)));
      nodes.add(node);
      agents.add(new NodeAgent(settings, node, PahoTransport.INSTANCE, ticks, leases));
    }
    inParallel(NodeAgent::start);
  }

  /** Runs {@code step} on every agent, a few at a time: each connect or close waits on I/O. */
  private void inParallel(Consumer<NodeAgent> step) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<?>> done = new ArrayList<>();
      agents.forEach(agent -> done.add(pool.submit(() -> step.accept(agent))));
      for (Future<?> each : done) {
        each.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("an agent failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Readings made so far, by every agent. */
  long produced() {
    return nodes.stream().mapToLong(SteadyNode::samples).sum();
  }

  /** Readings made so far by the agent of node n{@code index}. */
  long produced(int index) {
    return nodes.get(index).samples();
  }

  /** From now on no agent makes another reading. */
  void stopSampling() {
    nodes.forEach(SteadyNode::stop);
  }

  int connected() {
    return (int) agents.stream().filter(agent -> agent.stats().connected()).count();
  }

  int size() {
    return agents.size();
  }

  long published() {
    return sum(AgentStats::readingsPublished);
  }

  long dropped() {
    return sum(AgentStats::readingsDropped);
  }

  /** Readings waiting or in flight, in every agent's backlog. */
  long backlog() {
    return sum(AgentStats::backlog);
  }

  long peakBacklogNow() {
    return agents.stream().mapToLong(agent -> agent.stats().backlog()).max().orElse(0);
  }

  private long sum(ToLongFunction<AgentStats> figure) {
    return agents.stream().mapToLong(agent -> figure.applyAsLong(agent.stats())).sum();
  }

  @Override
  public void close() {
    inParallel(NodeAgent::close);
    ticks.close();
    leases.close();
  }
}
