package dev.kelvin.core.state;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.port.ClusterView;
import dev.kelvin.core.port.ReadingSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live state of the cluster: the recent readings of every node, the latest facility
 * readings and open alarms, the jobs and the power budgets, fed by telemetry, the workload
 * manager and the operator, and read by the control loop and the dashboard. It admits a
 * reading only if it is new for its node (or sensor) and fresh when it arrives, drops exact
 * duplicates, keeps late ones (older than what is held, or older than the stale limit on
 * arrival) out of the live view, and refuses readings from the future. A node silent for
 * longer than {@link StateSettings#forgetAfter()} is forgotten when a snapshot is taken: it
 * leaves the state (counted, and logged in one line per snapshot that forgets any), and
 * registers again like a new node if it reports later. Thread-safe: many ingest threads may
 * admit while others take snapshots.
 *
 * <p>Each change of a node's availability (its state, since when, its drain) is handed to the
 * sink given at construction ({@link ReadingSink#acceptAvailability}), once per change, so that
 * the store keeps the nodes' failure history; a report that changes nothing writes nothing.
 *
 * <p>It lives in core, not in telemetry, so that the simulator keeps state exactly as live mode
 * does.
 */
public final class ClusterState implements ClusterView {
  private static final System.Logger LOG = System.getLogger(ClusterState.class.getName());

  private final StateSettings settings;
  private final LongAdder forgotten = new LongAdder();
  private final ConcurrentHashMap<NodeId, NodeSeries> nodes = new ConcurrentHashMap<>();
  private final FacilityState facility;
  private final WorkloadState workload = new WorkloadState();
  private final ReadingSink changes;

  /** A state that keeps the changes of availability to itself. */
  public ClusterState(StateSettings settings) {
    this(settings, (reading, receivedAt) -> { });
  }

  /** A state that hands each change of a node's availability to {@code changes}. */
  public ClusterState(StateSettings settings, ReadingSink changes) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.changes = Objects.requireNonNull(changes, "changes");
    this.facility = new FacilityState(settings.maxNodes());
  }

  /**
   * Offers a validated reading received at {@code receivedAt} (the receiver's clock). The one
   * place that decides what becomes of a node reading: only an accepted reading registers its
   * node, or moves the node's latest reading and the time it was last heard from, so a reading
   * that is refused or late leaves no trace in the live state.
   */
  public Admission admit(NodeReading reading, Instant receivedAt) {
    if (fromTheFuture(reading.at(), receivedAt)) {
      return Admission.CLOCK_SKEW;
    }
    while (true) {
      NodeSeries series = nodes.get(reading.node());
      if (series == null && !mayRegister(reading.node())) {
        return Admission.UNKNOWN_NODE;
      }
      if (reading.at().plus(settings.staleAfter()).isBefore(receivedAt)) {
        return Admission.LATE;
      }
      if (series == null) {
        series = nodes.computeIfAbsent(reading.node(),
            id -> new NodeSeries(id, settings.windowSize()));
      }
      Admission admission = series.offer(reading, receivedAt);
      if (admission != null) {
        return admission;
      }
      // the series was forgotten since it was looked up: the node registers afresh
    }
  }

  /**
   * Offers a validated facility reading received at {@code receivedAt}. An alarm kind at 1
   * opens an alarm, at 0 closes it.
   */
  public Admission admit(FacilityReading reading, Instant receivedAt) {
    if (fromTheFuture(reading.at(), receivedAt)) {
      return Admission.CLOCK_SKEW;
    }
    return facility.admit(reading, receivedAt, settings.staleAfter());
  }

  /** The workload manager's latest report of {@code site}: every job queued or running. */
  public void replaceJobs(SiteId site, Collection<Job> jobs) {
    workload.replaceJobs(site, jobs);
  }

  /**
   * The workload manager's latest report of the availability of {@code site}'s nodes (idle
   * since when, suspended, drained), replacing the previous one; the nodes whose availability
   * changed go to the sink of changes, outside the state's locks.
   */
  public void replaceAvailability(SiteId site, Collection<NodeAvailability> nodes) {
    workload.replaceAvailability(site, nodes).forEach(changes::acceptAvailability);
  }

  /** The power budgets in force from now on (replacing the previous ones). */
  public void replaceBudgets(Collection<PowerBudget> budgets) {
    workload.replaceBudgets(budgets);
  }

  /** The cluster as of {@code now}, after forgetting the nodes silent since before. */
  @Override
  public ClusterSnapshot snapshot(Instant now) {
    forgetSilent(now);
    TreeMap<NodeId, NodeView> views = new TreeMap<>();
    for (NodeSeries series : nodes.values()) {
      NodeView view = series.view(now, settings.staleAfter());
      if (view != null) {
        views.put(view.id(), view);
      }
    }
    return new ClusterSnapshot(now, views, sites(views.values()), workload.jobs(),
        workload.availability());
  }

  /** How this state keeps readings: the window, the stale limit, the future skew allowed. */
  public StateSettings settings() {
    return settings;
  }

  /** The number of nodes tracked: heard from, and not forgotten since. */
  public int nodeCount() {
    return nodes.size();
  }

  /** Nodes forgotten since start, each time one was silent for longer than forgetAfter. */
  public long forgottenNodes() {
    return forgotten.sum();
  }

  /** Drops the nodes silent for longer than forgetAfter at {@code now}; one log line if any. */
  private void forgetSilent(Instant now) {
    Instant silentSince = now.minus(settings.forgetAfter());
    int count = 0;
    NodeId example = null;
    for (NodeSeries series : nodes.values()) {
      if (series.forgetIfSilentSince(silentSince) && nodes.remove(series.id(), series)) {
        count++;
        example = example == null ? series.id() : example;
      }
    }
    if (count > 0) {
      forgotten.add(count);
      LOG.log(System.Logger.Level.INFO, count + " node(s) forgotten after more than "
          + settings.forgetAfter() + " of silence (state.forget_after), e.g. " + example
          + "; they leave the live view and register again if they report");
    }
  }

  private boolean fromTheFuture(Instant at, Instant receivedAt) {
    return at.isAfter(receivedAt.plus(settings.maxFutureSkew()));
  }

  private SortedMap<SiteId, SiteView> sites(Collection<NodeView> views) {
    SortedMap<SiteId, TreeSet<RackId>> racks = new TreeMap<>();
    for (NodeView view : views) {
      racks.computeIfAbsent(view.id().site(), site -> new TreeSet<>()).add(view.rack());
    }
    List<SiteId> known = new ArrayList<>(racks.keySet());
    known.addAll(facility.sites());
    known.addAll(workload.sites());
    SortedMap<SiteId, SiteView> sites = new TreeMap<>();
    for (SiteId site : known) {
      if (!sites.containsKey(site)) {
        List<PowerBudget> budgets = workload.budgets(site);
        TreeSet<RackId> siteRacks = racks.getOrDefault(site, new TreeSet<>());
        budgets.forEach(budget -> budget.rack().ifPresent(siteRacks::add));
        sites.put(site, new SiteView(site, siteRacks, budgets, facility.readings(site),
            facility.openAlarms(site)));
      }
    }
    return sites;
  }

  /**
   * Whether readings of {@code node} may be kept: it is tracked, or the inventory names it
   * (any node when the inventory is empty). How ingestion tells a node worth a log line of its
   * own from a name that is junk.
   */
  public boolean admits(NodeId node) {
    return nodes.containsKey(node) || settings.inventory().isEmpty()
        || settings.inventory().contains(node);
  }

  /** Whether a node not tracked yet may be: it is in the inventory, and there is room. */
  private boolean mayRegister(NodeId node) {
    boolean known = settings.inventory().isEmpty() || settings.inventory().contains(node);
    return known && nodes.size() < settings.maxNodes();
  }
}
