package dev.kelvin.policy.rules;

import dev.kelvin.core.model.Alarm;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.FacilityKind;
import dev.kelvin.core.model.FacilityReading;
import dev.kelvin.core.model.Job;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.PowerBudget;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.model.SiteView;
import dev.kelvin.core.prediction.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one place a snapshot becomes rule facts: a {@link NodeFact} per node, a {@link JobFact}
 * per job (where a rule matches them), a {@link SiteFact} per site, a {@link RackFact} per rack with a budget and an
 * {@link AlarmFact} per open alarm, in the snapshot's order.
 */
public final class SnapshotFacts {
  /** From this many nodes up, the per-node facts are made on more than one thread. */
  static final int PARALLEL_FROM = 512;

  private SnapshotFacts() {}

  /**
   * The facts of {@link #of(ClusterSnapshot)} and those the availability rules read beside
   * them: the jobs indexed by node ({@link JobsByNode}) and by site queue ({@link PendingJobs}),
   * and those built by {@link AvailabilityFacts}, which weigh load forecasts among {@code
   * predictions}.
   */
  public static List<Object> of(ClusterSnapshot snapshot, List<Prediction> predictions) {
    return of(snapshot, predictions, new WindowScans(), type -> true);
  }

  /**
   * As {@link #of(ClusterSnapshot, List)}, the windows read through {@code scans}, which keep
   * their results for the next tick's snapshot. A {@link JobFact} per job is made only when
   * {@code inserted} takes its class: the shipped rules read jobs from the two indexes, and a
   * tick of 50,000 jobs need not make 50,000 facts no rule matches.
   */
  public static List<Object> of(ClusterSnapshot snapshot, List<Prediction> predictions,
      WindowScans scans, Predicate<Class<?>> inserted) {
    List<Object> facts = new ArrayList<>();
    JobTallies jobs = JobTallies.of(snapshot.jobs().values());
    List<NodeFact> nodes = build(snapshot, scans, jobs, inserted.test(JobFact.class), facts);
    facts.add(JobsByNode.of(jobs, snapshot.at()));
    facts.add(PendingJobs.of(jobs, snapshot.at()));
    facts.addAll(AvailabilityFacts.of(snapshot, nodes, jobs, predictions));
    return facts;
  }

  public static List<Object> of(ClusterSnapshot snapshot) {
    return of(snapshot, new WindowScans());
  }

  /** As {@link #of(ClusterSnapshot)}, the windows read through {@code scans}. */
  public static List<Object> of(ClusterSnapshot snapshot, WindowScans scans) {
    List<Object> facts = new ArrayList<>();
    build(snapshot, scans, JobTallies.of(snapshot.jobs().values()), true, facts);
    return facts;
  }

  /** Adds the snapshot's facts to {@code facts}, job facts when asked, and returns the nodes'. */
  private static List<NodeFact> build(ClusterSnapshot snapshot, WindowScans scans,
      JobTallies running, boolean jobFacts, List<Object> facts) {
    if (jobFacts) {
      for (Job job : snapshot.jobs().values()) {
        facts.add(JobFact.of(job, snapshot.at()));
      }
    }
    List<NodeFact> nodes = eachNode(snapshot, view -> NodeFact.of(view, snapshot, running, scans));
    facts.addAll(nodes);
    scans.retainOnly(snapshot.nodes().keySet());
    for (SiteView site : snapshot.sites().values()) {
      facts.add(site(site, nodes));
      for (PowerBudget budget : site.budgets()) {
        budget.rack().ifPresent(rack -> facts.add(rack(site.id(), rack, budget, nodes)));
      }
      for (Alarm alarm : site.openAlarms()) {
        facts.add(AlarmFact.of(alarm, snapshot.at()));
      }
    }
    return nodes;
  }

  /**
   * {@code fact} of every node of the snapshot, in node order; at {@link #PARALLEL_FROM} nodes
   * and more, on the common fork-join pool as well as the calling thread (each node's fact
   * reads only its own view and shared read-only state; {@link WindowScans} is thread-safe).
   */
  public static <T> List<T> eachNode(ClusterSnapshot snapshot, Function<NodeView, T> fact) {
    if (snapshot.nodes().size() < PARALLEL_FROM) {
      List<T> facts = new ArrayList<>(snapshot.nodes().size());
      for (NodeView view : snapshot.views()) {
        facts.add(fact.apply(view));
      }
      return facts;
    }
    return new ArrayList<>(snapshot.views()).parallelStream().map(fact).toList();
  }

  private static SiteFact site(SiteView site, List<NodeFact> nodes) {
    int count = 0;
    int stale = 0;
    double powerWatts = 0;
    double silentSeconds = Double.NaN;
    for (NodeFact node : nodes) {
      if (node.site().equals(site.id())) {
        count++;
        stale += node.stale() ? 1 : 0;
        powerWatts += freshPower(node);
        silentSeconds = Double.isNaN(silentSeconds) ? node.silentSeconds()
            : Math.min(silentSeconds, node.silentSeconds());
      }
    }
    return new SiteFact(site.id(),
        site.siteBudget().map(PowerBudget::limitWatts).orElse(Double.NaN), powerWatts, count,
        stale, silentSeconds, latest(site, FacilityKind.GRID_CARBON_G_PER_KWH),
        latest(site, FacilityKind.GRID_PRICE_PER_KWH),
        latest(site, FacilityKind.OUTDOOR_TEMP_CELSIUS), site.openAlarms().size());
  }

  private static RackFact rack(SiteId site, RackId rack, PowerBudget budget,
      List<NodeFact> nodes) {
    int count = 0;
    double powerWatts = 0;
    for (NodeFact node : nodes) {
      if (node.site().equals(site) && node.rack().equals(rack)) {
        count++;
        powerWatts += freshPower(node);
      }
    }
    return new RackFact(site, rack, budget.limitWatts(), powerWatts, count);
  }

  /** A node's latest power when it is fresh and reports one, else nothing. */
  private static double freshPower(NodeFact node) {
    return node.stale() || Double.isNaN(node.powerWatts()) ? 0 : node.powerWatts();
  }

  /** The site's latest reading of {@code kind}; NaN when it has none. */
  static double latest(SiteView site, FacilityKind kind) {
    List<FacilityReading> readings = site.facility(kind);
    return readings.isEmpty() ? Double.NaN : readings.get(0).value();
  }
}
