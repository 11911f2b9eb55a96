package dev.kelvin.simulator.trace;

import java.util.OptionalLong;

/**
 * Turns a Standard Workload Format trace into {@link TraceJob}s.
 *
 * <ul>
 *   <li>Processors become whole nodes: {@code nodes = ceil(processors / processors per node)},
 *       processors per node being the header's {@code MaxProcs / MaxNodes} (rounded down, at
 *       least 1) when it states both, else the caller's value. Processors are those allocated,
 *       else those requested; a job with neither is skipped ({@value MappedJobs#PROCESSORS_UNKNOWN}).
 *   <li>A job that never ran is skipped ({@value MappedJobs#CANCELLED_BEFORE_START}): run time 0
 *       or not known, and either status 5 (cancelled) or no wait time (it never started). A job
 *       cancelled after it started ran on its nodes and is kept.
 *   <li>Any other job whose run time is not known is skipped
 *       ({@value MappedJobs#RUN_TIME_UNKNOWN}).
 *   <li>Requested time: the trace's when known and positive, else the run time (at least 1 s).
 *   <li>Utilisation: average CPU time over run time when both are known and positive, clamped
 *       to 0..1 (average CPU time above the run time, seen in HPC2N, counts as fully busy);
 *       else 1.
 *   <li>The trace's job number is the id; submit times stay seconds from the trace's start.
 * </ul>
 */
public final class SwfJobs {
  private SwfJobs() {
  }

  /**
   * The processors of one node: {@code MaxProcs / MaxNodes} from the header when it states both
   * (rounded down, at least 1), else {@code fallback}.
   */
  public static int processorsPerNode(SwfHeader header, int fallback) {
    if (fallback < 1) {
      throw new IllegalArgumentException("processors per node must be >= 1, was " + fallback);
    }
    OptionalLong procs = header.maxProcs();
    OptionalLong nodes = header.maxNodes();
    if (procs.isPresent() && nodes.isPresent() && procs.getAsLong() > 0
        && nodes.getAsLong() > 0) {
      return (int) Math.max(1, procs.getAsLong() / nodes.getAsLong());
    }
    return fallback;
  }

  /**
   * The nodes of the trace's machine: the header's {@code MaxNodes}, else {@code MaxProcs} in
   * nodes, else 0 (not stated).
   */
  public static int machineNodes(SwfHeader header, int processorsPerNode) {
    if (header.maxNodes().isPresent() && header.maxNodes().getAsLong() > 0) {
      return Math.toIntExact(header.maxNodes().getAsLong());
    }
    if (header.maxProcs().isPresent() && header.maxProcs().getAsLong() > 0) {
      return Math.toIntExact(ceilDiv(header.maxProcs().getAsLong(), processorsPerNode));
    }
    return 0;
  }

  /** The trace's jobs, with {@code processorsPerNode} processors to a node. */
  public static MappedJobs map(SwfTrace trace, int processorsPerNode) {
    if (processorsPerNode < 1) {
      throw new IllegalArgumentException("processors per node must be >= 1, was "
          + processorsPerNode);
    }
    MappedJobs.Builder mapped = new MappedJobs.Builder();
    for (SwfJob job : trace.jobs()) {
      String skip = skipReason(job);
      if (skip != null) {
        mapped.skip(job.jobNumber(), job.submitSeconds(), skip);
      } else {
        mapped.add(traceJob(job, processorsPerNode));
      }
    }
    return mapped.build();
  }

  /** Why {@code job} is not replayed ({@link MappedJobs}' reasons), or null when it is. */
  static String skipReason(SwfJob job) {
    boolean neverRan = job.runSeconds() <= 0
        && (job.status() == 5 || job.waitSeconds() == SwfJob.MISSING);
    if (neverRan) {
      return MappedJobs.CANCELLED_BEFORE_START;
    }
    if (job.knownRunSeconds().isEmpty()) {
      return MappedJobs.RUN_TIME_UNKNOWN;
    }
    if (job.processors().orElse(0) < 1) {
      return MappedJobs.PROCESSORS_UNKNOWN;
    }
    return null;
  }

  private static TraceJob traceJob(SwfJob job, int processorsPerNode) {
    long runS = job.runSeconds();
    long requestedS = job.requestedSeconds() > 0 ? job.requestedSeconds() : Math.max(1, runS);
    double utilRatio = job.averageCpuSeconds() > 0 && runS > 0
        ? Math.min(1, job.averageCpuSeconds() / runS) : 1;
    int nodes = Math.toIntExact(ceilDiv(job.processors().getAsLong(), processorsPerNode));
    return new TraceJob(job.jobNumber(), job.submitSeconds(), nodes, runS, requestedS,
        utilRatio, 0);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
