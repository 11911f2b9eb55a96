package dev.kelvin.policy.rules;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeAvailability;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.SiteId;
import dev.kelvin.core.prediction.ForecastScope;
import dev.kelvin.core.prediction.LoadForecast;
import dev.kelvin.core.prediction.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The facts the availability rules read, built in one pass over nodes, jobs and predictions (no
 * rule joins nodes with jobs): a {@link SiteLeaseFact} per site with nodes, and where the
 * workload manager reports node availability, a {@link SiteAvailabilityFact} per site and a
 * {@link NodeStateFact} per reported node that some rule may act on: all but the busy nodes
 * that are not drained, which no rule reads (most of a busy cluster, so they are not inserted).
 */
final class AvailabilityFacts {
  /**
   * Longest in its state first; equals stay in node order, since the lists sorted are built in
   * node order and the sort is stable (so no tie needs the node ids compared).
   */
  private static final Comparator<NodeStateFact> LONGEST_FIRST =
      (a, b) -> Double.compare(b.inStateSeconds(), a.inStateSeconds());

  private AvailabilityFacts() {}

  static List<Object> of(ClusterSnapshot snapshot, List<NodeFact> nodes, JobTallies jobs,
      List<Prediction> predictions) {
    SortedMap<SiteId, List<NodeFact>> nodesBySite = new TreeMap<>();
    for (NodeFact node : nodes) {
      nodesBySite.computeIfAbsent(node.site(), site -> new ArrayList<>()).add(node);
    }
    SortedMap<SiteId, List<NodeAvailability>> availabilityBySite = new TreeMap<>();
    for (NodeAvailability node : snapshot.availability().values()) {
      availabilityBySite.computeIfAbsent(node.node().site(), site -> new ArrayList<>())
          .add(node);
    }
    List<Object> facts = new ArrayList<>();
    for (Map.Entry<SiteId, List<NodeFact>> site : nodesBySite.entrySet()) {
      facts.add(lease(site.getKey(), site.getValue(),
          availabilityBySite.getOrDefault(site.getKey(), List.of()), jobs.jobsAt(site.getKey())));
    }
    for (Map.Entry<SiteId, List<NodeAvailability>> site : availabilityBySite.entrySet()) {
      SiteId id = site.getKey();
      facts.addAll(site(id, site.getValue(), nodesBySite.getOrDefault(id, List.of()), snapshot,
          jobs.pendingDemand(id, site.getValue().size(), snapshot.at()), predictions));
    }
    return facts;
  }

  /**
   * The site's lease fact from its nodes and their availability, both in node order (as the
   * snapshot sorts them), walked side by side.
   */
  private static SiteLeaseFact lease(SiteId site, List<NodeFact> nodes,
      List<NodeAvailability> availability, int jobs) {
    int reporting = 0;
    double silentSeconds = Double.NaN;
    double loadWatts = 0;
    int next = 0;
    for (NodeFact node : nodes) {
      while (next < availability.size()
          && availability.get(next).node().compareTo(node.node()) < 0) {
        next++;
      }
      boolean silentByDesign = next < availability.size()
          && availability.get(next).node().equals(node.node())
          && availability.get(next).silentByDesign();
      if (!silentByDesign) {
        reporting++;
        silentSeconds = Double.isNaN(silentSeconds) ? node.silentSeconds()
            : Math.min(silentSeconds, node.silentSeconds());
      }
      if (node.runningJobs() > 0 && !Double.isNaN(node.powerWatts())) {
        loadWatts += node.powerWatts();
      }
    }
    return new SiteLeaseFact(site, reporting, silentSeconds, loadWatts, jobs);
  }

  /** The node facts of one site, ranked, and its site fact. */
  private static List<Object> site(SiteId site, List<NodeAvailability> availability,
      List<NodeFact> nodes, ClusterSnapshot snapshot, int pendingDemandNodes,
      List<Prediction> predictions) {
    NodeFact[] factOf = aligned(availability, nodes);
    List<NodeStateFact> idle = new ArrayList<>();
    List<NodeStateFact> suspended = new ArrayList<>();
    List<NodeStateFact> others = new ArrayList<>();
    int[] counts = new int[NodeAvailability.State.values().length];
    for (int k = 0; k < availability.size(); k++) {
      NodeAvailability node = availability.get(k);
      NodeStateFact fact = unranked(node, snapshot);
      counts[node.state().ordinal()]++;
      if (mayBeSuspended(node, factOf[k])) {
        idle.add(fact);
      } else if (node.state() == NodeAvailability.State.SUSPENDED) {
        suspended.add(fact);
      } else if (node.drained() || node.state() != NodeAvailability.State.BUSY) {
        others.add(fact);
      }
    }
    idle.sort(LONGEST_FIRST);
    suspended.sort(LONGEST_FIRST);
    List<Object> facts = new ArrayList<>(availability.size() + 1);
    List<Double> idleSeconds = new ArrayList<>(idle.size());
    for (int rank = 0; rank < idle.size(); rank++) {
      facts.add(ranked(idle.get(rank), rank, -1));
      idleSeconds.add(idle.get(rank).inStateSeconds());
    }
    for (int rank = 0; rank < suspended.size(); rank++) {
      facts.add(ranked(suspended.get(rank), -1, rank));
    }
    facts.addAll(others);
    int up = availability.size() - counts[NodeAvailability.State.DOWN.ordinal()];
    int busy = counts[NodeAvailability.State.BUSY.ordinal()];
    SiteForecast forecast = SiteForecast.of(site, up, nodes, predictions);
    facts.add(new SiteAvailabilityFact(site, up, idle.size(), busy,
        counts[NodeAvailability.State.SUSPENDED.ordinal()],
        counts[NodeAvailability.State.BOOTING.ordinal()], Math.min(up, pendingDemandNodes),
        forecast.busyNodes(), forecast.model(), idleSeconds));
    return facts;
  }

  /**
   * The node fact of each entry of {@code availability}, null where there is none: both lists
   * are in node order (as the snapshot sorts them), so they are walked side by side.
   */
  private static NodeFact[] aligned(List<NodeAvailability> availability, List<NodeFact> nodes) {
    NodeFact[] aligned = new NodeFact[availability.size()];
    int next = 0;
    for (int k = 0; k < aligned.length; k++) {
      NodeId id = availability.get(k).node();
      while (next < nodes.size() && nodes.get(next).node().compareTo(id) < 0) {
        next++;
      }
      if (next < nodes.size() && nodes.get(next).node().equals(id)) {
        aligned[k] = nodes.get(next);
      }
    }
    return aligned;
  }

  /**
   * Whether a node is free to power down: idle and not drained as the workload manager says,
   * heard from now, and running no job as the job list says.
   */
  private static boolean mayBeSuspended(NodeAvailability node, NodeFact fact) {
    return node.state() == NodeAvailability.State.IDLE && !node.drained() && fact != null
        && !fact.stale() && fact.runningJobs() == 0;
  }

  private static NodeStateFact unranked(NodeAvailability node, ClusterSnapshot snapshot) {
    double drainedSeconds = node.drainedAt()
        .map(at -> seconds(Duration.between(at, snapshot.at()))).orElse(Double.NaN);
    return new NodeStateFact(node.node(), node.node().site(), node.state(),
        seconds(node.inStateFor(snapshot.at())), node.drained(), node.drainedByKelvin(),
        drainedSeconds, -1, -1);
  }

  private static NodeStateFact ranked(NodeStateFact fact, int idleRank, int wakeRank) {
    return new NodeStateFact(fact.node(), fact.site(), fact.state(), fact.inStateSeconds(),
        fact.drained(), fact.drainedByKelvin(), fact.drainedSeconds(), idleRank, wakeRank);
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  /** The busy nodes a site's load forecast implies, and its model. */
  private record SiteForecast(int busyNodes, String model) {
    static final SiteForecast NONE = new SiteForecast(-1, "");

    /**
     * From the forecast utilisation times the site's nodes, or else from the forecast power
     * over the mean power of a busy node now; the largest over the site's forecasts.
     */
    static SiteForecast of(SiteId site, int nodes, List<NodeFact> facts,
        List<Prediction> predictions) {
      double busyWatts = 0;
      int busyReporting = 0;
      for (NodeFact node : facts) {
        if (node.runningJobs() > 0 && !node.stale() && node.powerWatts() > 0) {
          busyWatts += node.powerWatts();
          busyReporting++;
        }
      }
      SiteForecast best = NONE;
      for (Prediction prediction : predictions) {
        if (prediction instanceof LoadForecast forecast
            && forecast.scope().equals(ForecastScope.site(site))) {
          int implied = forecast.utilizationRatio().isPresent()
              ? (int) Math.ceil(forecast.utilizationRatio().getAsDouble() * nodes)
              : busyReporting == 0 ? -1
                  : (int) Math.ceil(forecast.powerWatts() / (busyWatts / busyReporting));
          if (Math.min(implied, nodes) > best.busyNodes) {
            best = new SiteForecast(Math.min(implied, nodes), forecast.modelVersion());
          }
        }
      }
      return best;
    }
  }
}
