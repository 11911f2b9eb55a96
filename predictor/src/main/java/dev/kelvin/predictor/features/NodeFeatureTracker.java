package dev.kelvin.predictor.features;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.port.HistorySource.NodeFailures;
import dev.kelvin.predictor.features.NodeTelemetryFeatures.UnknownReason;
import dev.kelvin.predictor.history.NodeCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Turns each snapshot, in order, into every node's {@link NodeTelemetryFeatures}: the one path
 * from snapshots to features, used alike by the recorder of training data and by the served
 * failure and anomaly models. It keeps, per node, what the features need from earlier ticks:
 * the memory error counters' recent values ({@link CounterMemory}), the failures seen, as
 * the workload manager's DOWN transitions in the snapshot's availability ({@link
 * FailureRecord}, and the system's last day in {@link SystemFailures}), and its window as
 * columns ({@link WindowColumns}), so that a tick reads only the readings new since the last.
 * Nodes are found by their position in the last snapshot where it has not changed; from
 * {@link #PARALLEL_FROM_NODES} nodes on, they are described in parallel on the common
 * fork-join pool, each node by one task, the batch in node order as from one pass.
 *
 * <p>A node gets no features (an "unknown", never a guess) when {@link
 * NodeTelemetryFeatures#unknownReason} says so, or when its corrected error counter is not known
 * {@link NodeTelemetryFeatures#MIN_COUNTER_HISTORY} back. Its failure history is NaN when the
 * snapshots never carried its availability (no workload manager reports it). A node seen for the
 * first time can be seeded with its counters' past, read back from the history ({@link
 * #observe(ClusterSnapshot, CounterSeeds)}): it then has its deltas and rate at once instead of
 * after {@code MIN_COUNTER_HISTORY} and an hour. The failures of the nodes of a site whose
 * availability a snapshot carries for the first time can be seeded likewise ({@link FailureSeeds}):
 * a failure read back counts as one seen live, and once only when it is also seen live with the
 * same start. Snapshots must come in time order; thread-safe. What is kept of a node stays when it
 * leaves the snapshot (a failed node forgotten by the state keeps its failure history): about 9 kB
 * per node ever seen with the default window of 120 readings (7 kB of them its window's columns),
 * bounded by the state's inventory and {@code state.max_nodes}.
 */
public final class NodeFeatureTracker {
  private static final Duration[] CORRECTED_SPANS = {Duration.ofMinutes(5),
      Duration.ofMinutes(15), Duration.ofMinutes(30)};
  private static final Duration UNCORRECTED_SPAN = Duration.ofMinutes(30);
  /** From this many nodes on, a snapshot's nodes are described in parallel ... */
  static final int PARALLEL_FROM_NODES = 1_000;
  /** ... in parts of this many nodes, on the common fork-join pool. */
  private static final int CHUNK_NODES = 256;

  /** How far back a node's counters are read back: the 30 min delta reaches 45 min back, the
   * rate needs an hour; a quarter hour more in case the first readings of that hour are late. */
  public static final Duration COUNTER_HISTORY = Duration.ofMinutes(75);
  /** The step counters are read back at: one value a minute, as live ones are kept. */
  public static final Duration COUNTER_STEP = Duration.ofMinutes(1);
  /** How far back the nodes' failures are read back: as far as the longest count looks. */
  public static final Duration FAILURE_HISTORY = Duration.ofDays(30);

  private final Map<NodeId, NodeMemory> memory = new HashMap<>();
  private final SystemFailures systemFailures = new SystemFailures();
  private final Set<SiteId> sites = new HashSet<>();
  /** The sites whose availability the snapshot being observed carries for the first time. */
  private final Set<SiteId> newSites = new TreeSet<>();
  /** The nodes of the last snapshot's views and availability, in its order. */
  private NodeMemory[] lastViews = new NodeMemory[0];
  private NodeMemory[] lastAvailability = new NodeMemory[0];

  /** The features of every node of {@code snapshot}, updating what is kept per node. */
  public NodeFeatureBatch observe(ClusterSnapshot snapshot) {
    return observe(snapshot, CounterSeeds.NONE);
  }

  /**
   * As {@link #observe(ClusterSnapshot)}, the counters' past from {@code seeds} put before the
   * live values of their nodes (those at least a minute before the first live one) before the
   * features are computed; the nodes seen for the first time are handed to {@code seeds}.
   */
  public NodeFeatureBatch observe(ClusterSnapshot snapshot, CounterSeeds seeds) {
    return observe(snapshot, seeds, FailureSeeds.NONE);
  }

  /**
   * As {@link #observe(ClusterSnapshot, CounterSeeds)}, the failures from {@code failures} added
   * to those seen live before the features are computed (a failure known already is not added
   * again); the sites seen for the first time are handed to {@code failures}.
   */
  public synchronized NodeFeatureBatch observe(ClusterSnapshot snapshot, CounterSeeds seeds,
      FailureSeeds failures) {
    Instant now = snapshot.at();
    seeAvailability(snapshot.availability().values(), now);
    NodeView[] views = snapshot.views().toArray(NodeView[]::new);
    NodeMemory[] memories = new NodeMemory[views.length];
    List<NodeId> firstSeen = new ArrayList<>();
    for (int i = 0; i < views.length; i++) {
      memories[i] = node(lastViews, i, views[i].id(), now);
      if (memories[i].unasked) {
        memories[i].unasked = false;
        firstSeen.add(memories[i].id);
      }
    }
    lastViews = memories;
    seedFailures(failures.seeds(List.copyOf(newSites), now), now);
    newSites.clear();
    double systemLastDay = systemFailures.lastDay(now);
    seed(seeds.seeds(firstSeen, now), views, memories);
    Tick tick = new Tick(views, memories, now, systemLastDay);
    if (views.length >= PARALLEL_FROM_NODES) {
      IntStream.range(0, (views.length + CHUNK_NODES - 1) / CHUNK_NODES).parallel()
          .forEach(c -> tick.describe(c * CHUNK_NODES,
              Math.min(views.length, (c + 1) * CHUNK_NODES)));
    } else {
      tick.describe(0, views.length);
    }
    return tick.batch();
  }

  /**
   * Puts each node's counters read back before its live ones, once the live ones of this
   * snapshot are kept (so that they win over the past of the same minutes).
   */
  private void seed(List<NodeCounters> past, NodeView[] views, NodeMemory[] memories) {
    if (past.isEmpty()) {
      return;
    }
    Set<NodeId> seeded = new HashSet<>();
    past.forEach(counters -> seeded.add(counters.node()));
    for (int i = 0; i < views.length; i++) {
      if (seeded.contains(views[i].id())) {
        memories[i].remember(views[i].window());
      }
    }
    for (NodeCounters counters : past) {
      NodeMemory node = memory.get(counters.node());
      if (node != null) {
        node.corrected.seed(counters.corrected());
        node.uncorrected.seed(counters.uncorrected());
      }
    }
  }

  /** Keeps the failures that {@code availability} shows (the nodes newly down). */
  private void seeAvailability(Collection<NodeAvailability> availability, Instant now) {
    NodeMemory[] seen = new NodeMemory[availability.size()];
    int i = 0;
    for (NodeAvailability each : availability) {
      NodeMemory node = node(lastAvailability, i, each.node(), now);
      if ((i >= lastAvailability.length || lastAvailability[i] != node)
          && sites.add(each.node().site())) {
        newSites.add(each.node().site());
      }
      seen[i++] = node;
      node.failures.see(each).ifPresent(systemFailures::add);
    }
    lastAvailability = seen;
  }

  /** Adds the failures read back that are not known yet, of nodes seen or not. */
  private void seedFailures(List<NodeFailures> read, Instant now) {
    for (NodeFailures node : read) {
      node(lastAvailability, -1, node.node(), now).failures.seed(node)
          .forEach(systemFailures::add);
    }
  }

  /** One snapshot's nodes, each described by the part of the work that holds it. */
  private record Tick(NodeView[] views, NodeMemory[] memories, Instant now,
      double systemLastDay, double[][] features, UnknownReason[] reasons) {

    Tick(NodeView[] views, NodeMemory[] memories, Instant now, double systemLastDay) {
      this(views, memories, now, systemLastDay, new double[views.length][],
          new UnknownReason[views.length]);
    }

    /** The features, or why there are none, of nodes {@code from} to {@code to - 1}. */
    void describe(int from, int to) {
      double[] scratch = new double[0];
      for (int i = from; i < to; i++) {
        NodeView view = views[i];
        memories[i].remember(view.window());
        Optional<UnknownReason> reason = NodeTelemetryFeatures.unknownReason(view);
        if (reason.isPresent()) {
          reasons[i] = reason.get();
          continue;
        }
        if (scratch.length < view.window().size()) {
          scratch = new double[view.window().size()];
        }
        features[i] = memories[i].features(view, now, systemLastDay, scratch);
        reasons[i] = features[i] == null ? UnknownReason.SHORT_HISTORY : null;
      }
    }

    NodeFeatureBatch batch() {
      List<NodeId> nodes = new ArrayList<>(views.length);
      List<double[]> values = new ArrayList<>(views.length);
      TreeMap<NodeId, UnknownReason> unknown = new TreeMap<>();
      for (int i = 0; i < views.length; i++) {
        if (reasons[i] != null) {
          unknown.put(views[i].id(), reasons[i]);
        } else {
          nodes.add(views[i].id());
          values.add(features[i]);
        }
      }
      return new NodeFeatureBatch(now, nodes, values, unknown);
    }
  }

  /**
   * The memory of node {@code id}, the {@code i}-th of its kind in the snapshot: the one at
   * {@code i} in the last snapshot when that is the same node (a site's nodes rarely change
   * between ticks), else the one kept for {@code id}, or a new one.
   */
  private NodeMemory node(NodeMemory[] last, int i, NodeId id, Instant now) {
    if (i >= 0 && i < last.length && (last[i].id == id || last[i].id.equals(id))) {
      return last[i];
    }
    NodeMemory node = memory.get(id);
    if (node == null) {
      node = new NodeMemory(id, now);
      memory.put(id, node);
    }
    return node;
  }

  /** What is kept of one node between snapshots. */
  private static final class NodeMemory {
    final NodeId id;
    final WindowColumns window = new WindowColumns();
    final CounterMemory corrected = new CounterMemory();
    final CounterMemory uncorrected = new CounterMemory();
    final FailureRecord failures;
    /** Not yet in a snapshot's views: its counters' past has not been asked. */
    boolean unasked = true;
    Instant remembered = Instant.MIN;

    NodeMemory(NodeId id, Instant firstSeen) {
      this.id = id;
      this.failures = new FailureRecord(firstSeen);
    }

    /**
     * Keeps the counters of the readings newer than any kept before: those at the end of the
     * window (oldest first, in time order), found from its end.
     */
    void remember(List<NodeReading> window) {
      int from = window.size();
      while (from > 0 && window.get(from - 1).at().isAfter(remembered)) {
        from--;
      }
      for (int i = from; i < window.size(); i++) {
        NodeReading reading = window.get(i);
        remembered = reading.at();
        double value = reading.metrics().getOrNaN(NodeMetric.ECC_CORRECTABLE_TOTAL);
        if (!Double.isNaN(value)) {
          corrected.record(reading.at(), value);
        }
        value = reading.metrics().getOrNaN(NodeMetric.ECC_UNCORRECTABLE_TOTAL);
        if (!Double.isNaN(value)) {
          uncorrected.record(reading.at(), value);
        }
      }
    }

    /** The features, or null when the corrected counter is not known far enough back. */
    double[] features(NodeView view, Instant now, double systemLastDay, double[] scratch) {
      NodeReading latest = view.latest();
      double errors = latest.metrics().getOrNaN(NodeMetric.ECC_CORRECTABLE_TOTAL);
      Instant at = latest.at();
      if (Double.isNaN(corrected.delta(at, errors, NodeTelemetryFeatures.MIN_COUNTER_HISTORY))) {
        return null;
      }
      double[] all = new double[NodeTelemetryFeatures.NAMES.size()];
      window.update(view.window());
      window.values(all, scratch);
      int k = NodeTelemetryFeatures.WINDOW_NAMES.size();
      for (Duration span : CORRECTED_SPANS) {
        all[k++] = corrected.delta(at, errors, span);
      }
      all[k++] = corrected.ratePerHour(at, errors);
      double hard = latest.metrics().getOrNaN(NodeMetric.ECC_UNCORRECTABLE_TOTAL);
      all[k++] = Double.isNaN(hard) ? Double.NaN : uncorrected.delta(at, hard, UNCORRECTED_SPAN);
      double[] history = failures.features(now, systemLastDay);
      System.arraycopy(history, 0, all, k, history.length);
      return all;
    }
  }
}
