package dev.kelvin.app.bench;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The input of {@code kelvin bench predict}: a {@link PolicyWorld} (a job on every node) whose
 * nodes report every signal the node-failure features read, run through an hour of history
 * before anything is timed, so that what the served models keep from tick to tick is as it
 * is in a controller that has run a while.
 *
 * <ul>
 *   <li>Every node reports its corrected memory error counter; {@link #PRECURSOR_SHARE} of them
 *       (40 of 10,000) count faster and run warmer as a failure nears ({@link
 *       PrecursorSensors}), their failures due 3 to 13 minutes after the history ends
 *       (most of the model's precursor errors come in the last minutes before a failure).
 *   <li>The workload manager reports every node's availability: busy, except that
 *       {@link #PAST_FAILURE_SHARE} of the nodes were down for five minutes early in the hour,
 *       so they have a failure history.
 *   <li>The hour is sampled every minute, its last {@link #DENSE} every second (a full window
 *       of readings); the models see a snapshot every minute of it ({@link #history}).
 * </ul>
 *
 * <p>Each {@link #tick()} then runs the site on by one second, as the control loop does.
 */
final class PredictWorld {
  static final Duration HISTORY = Duration.ofHours(1);
  static final Duration DENSE = Duration.ofMinutes(3);
  static final Duration HISTORY_TICK = Duration.ofMinutes(1);
  static final double PRECURSOR_SHARE = 0.004;
  static final double PAST_FAILURE_SHARE = 0.002;
  private static final Duration DOWN_FROM = Duration.ofMinutes(10);
  private static final Duration DOWN_FOR = Duration.ofMinutes(5);

  private final PolicyWorld world;
  private final PrecursorSensors precursors;
  private final List<NodeId> pastFailures;
  private boolean historyRun;

  private PredictWorld(PolicyWorld world, PrecursorSensors precursors,
      List<NodeId> pastFailures) {
    this.world = world;
    this.precursors = precursors;
    this.pastFailures = pastFailures;
  }

  /** A world of {@code nodes}, each running a job, seeded; {@link #history} not yet run. */
  static PredictWorld build(int nodes, long seed) {
    PrecursorSensors precursors = new PrecursorSensors(BenchSite.spec(nodes), seed,
        BenchSite.START, share(nodes, PRECURSOR_SHARE), HISTORY.plusMinutes(3),
        Duration.ofMinutes(10));
    BenchSite site = new BenchSite(nodes, seed, HISTORY_TICK, HISTORY_TICK, precursors);
    PolicyWorld world = PolicyWorld.world(site, nodes, seed);
    int failed = share(nodes, PAST_FAILURE_SHARE);
    List<NodeId> all = List.copyOf(world.snapshot().nodes().keySet());
    List<NodeId> pastFailures = new ArrayList<>();
    for (int k = 0; k < failed; k++) {
      pastFailures.add(all.get((int) ((2L * k + 1) * all.size() / (2L * failed))));
    }
    return new PredictWorld(world, precursors, List.copyOf(pastFailures));
  }

  /**
   * Runs the rest of the hour, giving {@code tick} the snapshot of every minute of it (the last
   * one at the hour's end); the snapshots before are what served models keep state from.
   *
   * @return how many snapshots {@code tick} was given
   */
  int history(Consumer<ClusterSnapshot> tick) {
    if (historyRun) {
      throw new IllegalStateException("the history of this world has run already");
    }
    historyRun = true;
    BenchSite site = world.site();
    int ticks = 0;
    tick.accept(snapshot());
    boolean dense = false;
    for (ticks++; site.end().isBefore(BenchSite.START.plus(HISTORY)); ticks++) {
      if (!dense && !site.end().isBefore(BenchSite.START.plus(HISTORY).minus(DENSE))) {
        site.sampleEvery(PolicyWorld.TICK);
        dense = true;
      }
      site.advance(HISTORY_TICK);
      tick.accept(snapshot());
    }
    return ticks;
  }

  /** Runs the site on by one control tick. */
  void tick() {
    world.tick();
  }

  /** The site now, with its jobs, budget and every node's availability. */
  ClusterSnapshot snapshot() {
    ClusterSnapshot site = world.snapshot();
    Instant now = site.at();
    Instant downAt = BenchSite.START.plus(DOWN_FROM);
    Instant backAt = downAt.plus(DOWN_FOR);
    TreeMap<NodeId, NodeAvailability> availability = new TreeMap<>();
    for (NodeId node : site.nodes().keySet()) {
      availability.put(node, NodeAvailability.of(node, NodeAvailability.State.BUSY,
          BenchSite.START));
    }
    for (NodeId node : pastFailures) {
      boolean down = !now.isBefore(downAt) && now.isBefore(backAt);
      availability.put(node, down
          ? NodeAvailability.of(node, NodeAvailability.State.DOWN, downAt)
          : NodeAvailability.of(node, NodeAvailability.State.BUSY,
              now.isBefore(downAt) ? BenchSite.START : backAt));
    }
    return new ClusterSnapshot(now, site.nodes(), site.sites(), site.jobs(), availability);
  }

  /** The nodes whose counters rise before a failure. */
  List<NodeId> precursorNodes() {
    return precursors.nodes();
  }

  /** The nodes that were down for a while in the history. */
  List<NodeId> pastFailures() {
    return pastFailures;
  }

  private static int share(int nodes, double share) {
    return Math.max(1, (int) Math.round(nodes * share));
  }
}
