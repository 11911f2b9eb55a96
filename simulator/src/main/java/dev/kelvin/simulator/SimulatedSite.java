package dev.kelvin.simulator;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.RackId;
import dev.kelvin.simulator.workload.RandomWorkload;
import dev.kelvin.simulator.workload.Workload;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated site in virtual time. {@link #advanceTo} runs every node's physics in fixed
 * {@link #STEP}s up to a given instant; nothing moves between calls, so the same spec, seed and
 * sequence of {@code advanceTo} and cap calls always gives the same readings. Real-time driving
 * is a ticker calling {@code advanceTo(clock.instant())}; batch runs call it in a loop.
 * Thread-safe: the nodes' {@code sample()} and {@code apply()} share the site's lock.
 */
public final class SimulatedSite {
  /** The fixed physics step. */
  public static final Duration STEP = Duration.ofSeconds(1);
  private static final double STEP_SECONDS = STEP.toNanos() / 1e9;
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedSite.class);

  private final Object lock = new Object();
  private final SiteSpec spec;
  private final long seed;
  private final List<SimulatedNode> nodes;
  private final List<NodeDynamics> dynamics;
  private final Map<NodeId, SimulatedNode> byId;
  private volatile Instant now;

  /** A site running the spec's {@link RandomWorkload} under {@code seed}. */
  public SimulatedSite(SiteSpec spec, long seed, Instant start) {
    this(spec, seed, start, new RandomWorkload(spec.workload(), seed));
  }

  /** A site running {@code workload}; {@code seed} still drives the sensor noise. */
  public SimulatedSite(SiteSpec spec, long seed, Instant start, Workload workload) {
    this(spec, layout(spec), seed, start, workload);
  }

  /**
   * A site of one node named {@code node} in {@code rack}, of hardware {@code hardware}, at
   * {@code inletCelsius}, running {@code workload}: what a node agent runs on when it plays a
   * node ({@code kelvin agent --simulated}).
   */
  public static SimulatedSite single(NodeId node, RackId rack, NodeSpec hardware,
      double inletCelsius, Workload workload, long seed, Instant start) {
    SiteSpec spec = new SiteSpec(node.site(), 1, 1, hardware, List.of(inletCelsius),
        dev.kelvin.simulator.workload.WorkloadSpec.demo());
    return new SimulatedSite(spec, List.of(new Placement(node, rack, inletCelsius)), seed, start,
        workload);
  }

  /** Where one node sits: its name, rack and inlet temperature. */
  private record Placement(NodeId node, RackId rack, double inletCelsius) {}

  private SimulatedSite(SiteSpec spec, List<Placement> placements, long seed, Instant start,
      Workload workload) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.seed = seed;
    this.now = Objects.requireNonNull(start, "start");
    Objects.requireNonNull(workload, "workload");
    List<SimulatedNode> built = new ArrayList<>(placements.size());
    List<NodeDynamics> physics = new ArrayList<>(placements.size());
    for (Placement place : placements) {
      NodeDynamics node = new NodeDynamics(place.node(), spec.node(), place.inletCelsius(),
          workload, seed, start);
      physics.add(node);
      built.add(new SimulatedNode(lock, place.node(), place.rack(), spec.node(), node));
    }
    this.nodes = Collections.unmodifiableList(built);
    this.dynamics = List.copyOf(physics);
    this.byId = built.stream()
        .collect(Collectors.toUnmodifiableMap(SimulatedNode::node, Function.identity()));
    LOG.debug("simulated site {}: {} nodes in {} racks, seed {}, start {}", spec.site(),
        spec.nodeCount(), spec.racks(), seed, start);
  }

  private static List<Placement> layout(SiteSpec spec) {
    List<Placement> placements = new ArrayList<>(spec.nodeCount());
    for (int i = 0; i < spec.nodeCount(); i++) {
      placements.add(new Placement(spec.nodeId(i), spec.rackOf(i), spec.inletCelsius(i)));
    }
    return placements;
  }

  /** The nodes in order n01, n02, ... */
  public List<SimulatedNode> nodes() {
    return nodes;
  }

  /** The node with {@code id}, if this site has it. */
  public Optional<SimulatedNode> node(NodeId id) {
    return Optional.ofNullable(byId.get(id));
  }

  public SiteSpec spec() {
    return spec;
  }

  public long seed() {
    return seed;
  }

  /** The virtual time of the latest physics step. */
  public Instant now() {
    return now;
  }

  /** The site's virtual time as a clock, for code that takes an {@link InstantSource}. */
  public InstantSource clock() {
    return this::now;
  }

  /**
   * Runs whole physics steps until the next one would pass {@code until}; {@link #now()} is
   * then at most one step behind it. Does nothing when {@code until} is not after now.
   */
  public void advanceTo(Instant until) {
    Objects.requireNonNull(until, "until");
    synchronized (lock) {
      Instant at = now;
      Instant next = at.plus(STEP);
      while (!next.isAfter(until)) {
        for (NodeDynamics node : dynamics) {
          node.step(at, STEP_SECONDS);
        }
        at = next;
        now = at;
        next = at.plus(STEP);
      }
    }
  }
}
