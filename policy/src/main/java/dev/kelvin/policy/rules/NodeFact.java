package dev.kelvin.policy.rules;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.model.NodeView;
import dev.kelvin.core.model.RackId;
import dev.kelvin.core.model.SiteId;
import java.time.Duration;
import java.util.List;

/**
 * One node as every rule but the thermal ones sees it: where it sits, whether its telemetry is
 * fresh, its latest power, utilisation and CPU frequency range with the cap in force, and how
 * many jobs run on it. A value the node does not report is {@code NaN} (a missing signal is
 * never a zero). Drools' constraints order NaN above every number ({@code x > 0} holds for
 * NaN), so a rule tests a value that may be NaN in Java, through a helper that checks it.
 *
 * @param silentSeconds how long since the node was last heard from
 * @param runningJobs the jobs the workload manager reports running on it
 * @param topJobPriority the highest priority of the jobs running on it; NaN with none
 * @param memBoundRatio the share of its CPU time stalled on memory or I/O
 * @param setpointsHeldSeconds how long its CPU cap, node power cap and GPU power limits have
 *     all held unchanged, as far back as its readings reach
 * @param nodeCapWatts the node power cap in force (its maximum when it reports none); NaN
 *     unless it reports the cap's range ({@code node_power_cap_min_w}/{@code _max_w})
 * @param gpus its GPUs that report a power limit range
 */
public record NodeFact(NodeId node, SiteId site, RackId rack, boolean stale,
    double silentSeconds, double powerWatts, double cpuUtilRatio, double capMhz, double minMhz,
    double maxMhz, int runningJobs, double topJobPriority, double memBoundRatio,
    double setpointsHeldSeconds, double nodeCapWatts, double nodeCapMinWatts,
    double nodeCapMaxWatts, List<GpuFact> gpus) {

  public NodeFact {
    gpus = List.copyOf(gpus);
  }

  /**
   * The fact of {@code view}, with {@code runningJobs} and {@code topJobPriority} from the
   * snapshot's jobs.
   */
  static NodeFact of(NodeView view, ClusterSnapshot snapshot, JobTallies jobs,
      WindowScans scans) {
    double maxMhz = view.latest(NodeMetric.CPU_FREQ_MAX_MHZ).orElse(Double.NaN);
    double capMinW = view.latest(NodeMetric.NODE_POWER_CAP_MIN_WATTS).orElse(Double.NaN);
    double capMaxW = view.latest(NodeMetric.NODE_POWER_CAP_MAX_WATTS).orElse(Double.NaN);
    double capW = Double.isNaN(capMinW) || Double.isNaN(capMaxW) ? Double.NaN
        : view.latest(NodeMetric.NODE_POWER_CAP_WATTS).orElse(capMaxW);
    return new NodeFact(view.id(), view.id().site(), view.rack(), view.stale(),
        Duration.between(view.lastReceived(), snapshot.at()).toMillis() / 1000.0,
        view.latest(NodeMetric.POWER_WATTS).orElse(Double.NaN),
        view.latest(NodeMetric.CPU_UTIL_RATIO).orElse(Double.NaN),
        view.latest(NodeMetric.CPU_FREQ_CAP_MHZ).orElse(maxMhz),
        view.latest(NodeMetric.CPU_FREQ_MIN_MHZ).orElse(Double.NaN), maxMhz,
        jobs.running(view.id()), jobs.topPriority(view.id()),
        view.latest(NodeMetric.CPU_MEM_BOUND_RATIO).orElse(Double.NaN),
        scans.setpointsHeldSeconds(view, snapshot.at()), capW, capMinW, capMaxW,
        GpuFact.of(view.latest().devices(Device.Kind.GPU)));
  }

  /** Watts per unit of CPU utilisation: how much power its work costs; NaN when unknown. */
  public double wattsPerUtil() {
    return powerWatts / Math.max(cpuUtilRatio, 0.01);
  }

  /** Whether a node power cap below the maximum is in force. */
  public boolean nodeCapped() {
    return nodeCapWatts < nodeCapMaxWatts;
  }

  /** Whether a CPU cap below the maximum is in force. */
  public boolean capped() {
    return capMhz < maxMhz;
  }
}
