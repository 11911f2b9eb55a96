package dev.kelvin.simulator;

import dev.kelvin.core.model.JobId;
import dev.kelvin.core.model.NodeId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The noise-free truth of one simulated node after its latest physics step: what it runs and
 * what its sensors would read without error. For reports and tests; the control loop sees only
 * the noisy {@link SimulatedNode#sample()}.
 *
 * @param node the node
 * @param at the end of the latest physics step
 * @param job the job running, if any
 * @param demandRatio the job's demand of full-speed capacity, 0 when idle
 * @param utilRatio the busy fraction under the cap in force
 * @param cpuFreqMhz the clock the CPU ran at
 * @param cpuFreqCapMhz the frequency cap that governed the step
 * @param powerWatts the node's power during the step
 * @param cpuTempCelsius the CPU temperature at the end of the step
 */
public record NodeState(NodeId node, Instant at, Optional<JobId> job, double demandRatio,
    double utilRatio, double cpuFreqMhz, double cpuFreqCapMhz, double powerWatts,
    double cpuTempCelsius) {
  public NodeState {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(job, "job");
  }
}
