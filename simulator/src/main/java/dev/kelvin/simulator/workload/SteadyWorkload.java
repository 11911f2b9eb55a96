package dev.kelvin.simulator.workload;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.time.Instant;

/**
 * Every node busy at one steady share of its full-speed capacity, job after hour-long job: a
 * load that holds still, so that a node's temperature settles where its power and inlet put
 * it (at full load and a warm inlet, over its limit). Deterministic.
 */
public final class SteadyWorkload implements Workload {
  private static final Duration JOB_LENGTH = Duration.ofHours(1);

  private final double demandRatio;
  private long jobs;

  /** @param demandRatio the share of full-speed capacity each node uses, within (0, 1] */
  public SteadyWorkload(double demandRatio) {
    if (!(demandRatio > 0 && demandRatio <= 1)) {
      throw new IllegalArgumentException("steady load must be within (0, 1] of a node's"
          + " capacity, was " + demandRatio + (demandRatio > 1 ? " (a percentage?)" : ""));
    }
    this.demandRatio = demandRatio;
  }

  @Override
  public WorkSegment next(NodeId node, Instant at) {
    jobs++;
    return new WorkSegment.Job(new JobId("steady-" + node.name() + "-" + jobs), demandRatio,
        JOB_LENGTH);
  }
}
