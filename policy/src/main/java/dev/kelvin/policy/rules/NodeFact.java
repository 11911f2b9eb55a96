package dev.kelvin.policy.rules;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.util.Map;

/**
 * One node as every rule but the thermal ones sees it: where it sits, whether its telemetry is
 * fresh, its latest power, utilisation and CPU frequency range with the cap in force, and how
 * many jobs run on it. A value the node does not report is {@code NaN}: every comparison with
 * NaN is false, so no rule fires on an unknown value (a missing signal is never a zero).
 *
 * @param silentSeconds how long since the node was last heard from
 * @param runningJobs the jobs the workload manager reports running on it
 */
public record NodeFact(NodeId node, SiteId site, RackId rack, boolean stale,
    double silentSeconds, double powerWatts, double cpuUtilRatio, double capMhz, double minMhz,
    double maxMhz, int runningJobs) {

  /** The fact of {@code view}, with {@code runningJobs} from the snapshot's jobs. */
  public static NodeFact of(NodeView view, ClusterSnapshot snapshot,
      Map<NodeId, Integer> runningJobsByNode) {
    double maxMhz = view.latest(NodeMetric.CPU_FREQ_MAX_MHZ).orElse(Double.NaN);
    return new NodeFact(view.id(), view.id().site(), view.rack(), view.stale(),
        Duration.between(view.lastReceived(), snapshot.at()).toMillis() / 1000.0,
        view.latest(NodeMetric.POWER_WATTS).orElse(Double.NaN),
        view.latest(NodeMetric.CPU_UTIL_RATIO).orElse(Double.NaN),
        view.latest(NodeMetric.CPU_FREQ_CAP_MHZ).orElse(maxMhz),
        view.latest(NodeMetric.CPU_FREQ_MIN_MHZ).orElse(Double.NaN), maxMhz,
        runningJobsByNode.getOrDefault(view.id(), 0));
  }

  /** Whether a CPU cap below the maximum is in force. */
  public boolean capped() {
    return capMhz < maxMhz;
  }
}
