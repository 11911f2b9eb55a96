package dev.kelvin.simulator.trace;

/**
 * One job as the simulator runs it, whatever trace it came from: the common record that the
 * Standard Workload Format, the ALCF job logs and the Alibaba GPU pods all map onto. Times are
 * whole seconds, submission counted from the start of the (sliced) trace.
 *
 * @param id the job's number in its trace (its row order where the trace has no number)
 * @param submitS when it was submitted, seconds from the trace's start
 * @param nodes the whole nodes it needs (processors turned into nodes by the trace's
 *     processors per node)
 * @param runS how long it ran in the trace, at full clock on the trace's machine
 * @param requestedS the wall time it asked for (its limit, what backfilling plans with); the
 *     run time where the trace does not know it
 * @param utilRatio the busy fraction of its nodes' CPUs while it runs (average CPU time over run
 *     time where the trace knows it, else 1)
 * @param gpusPerNode the GPUs it uses on each of its nodes (0 for CPU jobs)
 */
public record TraceJob(long id, long submitS, int nodes, long runS, long requestedS,
    double utilRatio, int gpusPerNode) {
  public TraceJob {
    if (submitS < 0) {
      throw new IllegalArgumentException("job " + id + ": submitS must be >= 0 s from the"
          + " trace's start, was " + submitS);
    }
    if (nodes < 1) {
      throw new IllegalArgumentException("job " + id + ": nodes must be >= 1, was " + nodes);
    }
    if (runS < 0) {
      throw new IllegalArgumentException("job " + id + ": runS must be >= 0 s, was " + runS
          + " (a missing value sent as -1?)");
    }
    if (requestedS < 1) {
      throw new IllegalArgumentException("job " + id + ": requestedS must be >= 1 s, was "
          + requestedS);
    }
    if (!(utilRatio >= 0 && utilRatio <= 1)) {
      throw new IllegalArgumentException("job " + id + ": utilRatio must be within 0..1, was "
          + utilRatio + " (a percentage?)");
    }
    if (gpusPerNode < 0) {
      throw new IllegalArgumentException("job " + id + ": gpusPerNode must be >= 0, was "
          + gpusPerNode);
    }
  }

  /** This job submitted at another second of the trace. */
  public TraceJob withSubmitS(long seconds) {
    return new TraceJob(id, seconds, nodes, runS, requestedS, utilRatio, gpusPerNode);
  }
}
