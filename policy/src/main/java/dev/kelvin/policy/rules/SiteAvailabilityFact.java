package dev.kelvin.policy.rules;

import dev.kelvin.core.model.SiteId;
import java.util.List;

/**
 * What the idle power-down rules weigh for one site whose workload manager reports its nodes'
 * availability: how many nodes it has (down ones left out) and how many are idle and free to
 * suspend, busy, suspended and booting; the nodes its pending jobs ask for; the nodes a load
 * forecast says will be busy; and how long each free idle node has been idle.
 *
 * @param pendingDemandNodes the nodes asked for by its pending jobs that fit the site at all
 * @param forecastBusyNodes the busy nodes its load forecast implies (the largest when there are
 *     several); -1 without a forecast
 * @param forecastModel the version of that forecast's model; empty without one
 * @param idleSecondsLongestFirst how long each free idle node has been idle, longest first
 *     (the order of {@link NodeStateFact#idleRank()})
 */
public record SiteAvailabilityFact(SiteId site, int nodes, int idle, int busy, int suspended,
    int booting, int pendingDemandNodes, int forecastBusyNodes, String forecastModel,
    List<Double> idleSecondsLongestFirst) {

  public SiteAvailabilityFact {
    idleSecondsLongestFirst = List.copyOf(idleSecondsLongestFirst);
  }

  /** How many free idle nodes have been idle for at least {@code seconds}. */
  public int idleFor(double seconds) {
    int count = 0;
    while (count < idleSecondsLongestFirst.size()
        && idleSecondsLongestFirst.get(count) >= seconds) {
      count++;
    }
    return count;
  }
}
