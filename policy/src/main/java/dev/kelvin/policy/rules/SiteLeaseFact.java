package dev.kelvin.policy.rules;

import dev.kelvin.core.model.SiteId;

/**
 * Whether the controller still hears one site: of its nodes that should report (all but those
 * the workload manager says are suspended or booting, which are silent on purpose), how long
 * since the last of them was heard from; and the last known power of its nodes running jobs,
 * the load a failover moves.
 *
 * @param reportingNodes the nodes that should report
 * @param silentSeconds the least time since any of them was heard from; NaN when none should
 * @param loadWatts the summed latest power of the nodes that run jobs, stale or not
 * @param jobs the jobs the workload manager last reported at the site, running or queued: the
 *     work a failover would move (none once it has moved)
 */
public record SiteLeaseFact(SiteId site, int reportingNodes, double silentSeconds,
    double loadWatts, int jobs) {

  /** Whether every node that should report has been silent for at least {@code seconds}. */
  public boolean lostAfter(double seconds) {
    return reportingNodes > 0 && silentSeconds >= seconds;
  }
}
