package dev.kelvin.simulator.trace;

import dev.kelvin.simulator.report.JobOutcome;
import java.util.OptionalDouble;

/**
 * What a Standard Workload Format trace itself recorded about its machine, for the jobs the
 * simulator replays (those {@link SwfJobs} keeps): the figures a replay of the trace on the same
 * machine is checked against.
 *
 * <ul>
 *   <li>Waits are the trace's field 3, where known ({@code -1} is not known: NASA iPSC's header
 *       says its submit times are start times). Mean wait and mean bounded slowdown
 *       ({@code max(1, (wait + run) / max(run, 10 s))}, the bound
 *       {@link JobOutcome} uses for simulated jobs) are over the jobs
 *       whose wait is known; both are empty when no job's is.
 *   <li>A job ends at submit + wait + run, its wait counted 0 where not known.
 *   <li>Utilisation is the work done (run time × processors, summed) over what the machine
 *       offered from the first submission to the last end ({@code machineProcessors × span}).
 * </ul>
 *
 * @param jobs the jobs replayed
 * @param jobsWithWait those whose wait the trace knows
 * @param meanWaitS the mean of the known waits, in seconds
 * @param meanBoundedSlowdown the mean bounded slowdown of the jobs with a known wait
 * @param processorSeconds the work done: run time × processors, summed
 * @param machineProcessors the processors of the machine the trace was taken on
 * @param firstSubmitS the first submission, seconds from the trace's start
 * @param lastEndS the last end, seconds from the trace's start
 */
public record TraceRecord(int jobs, int jobsWithWait, OptionalDouble meanWaitS,
    OptionalDouble meanBoundedSlowdown, double processorSeconds, long machineProcessors,
    long firstSubmitS, long lastEndS) {
  public TraceRecord {
    if (machineProcessors < 1) {
      throw new IllegalArgumentException("machineProcessors must be >= 1, was "
          + machineProcessors + " (the header's MaxProcs missing?)");
    }
  }

  /**
   * The figures {@code trace} recorded on a machine of {@code machineProcessors} processors.
   *
   * @throws IllegalArgumentException when the trace has no job that can be replayed, or the
   *     machine has no processor
   */
  public static TraceRecord of(SwfTrace trace, long machineProcessors) {
    Sums sums = new Sums();
    for (SwfJob job : trace.jobs()) {
      if (SwfJobs.skipReason(job) == null) {
        sums.add(job);
      }
    }
    if (sums.jobs == 0) {
      throw new IllegalArgumentException("trace " + trace.source() + ": no job that can be"
          + " replayed, so nothing was recorded to compare with");
    }
    return new TraceRecord(sums.jobs, sums.withWait, sums.mean(sums.waitS),
        sums.mean(sums.slowdown), sums.processorS, machineProcessors, sums.firstSubmitS,
        sums.lastEndS);
  }

  /** From the first submission to the last end, in seconds. */
  public long spanS() {
    return lastEndS - firstSubmitS;
  }

  /** The work done over what the machine offered in {@link #spanS()}. */
  public double utilisation() {
    return spanS() == 0 ? 0 : processorSeconds / ((double) machineProcessors * spanS());
  }

  /** Running sums over the replayed jobs, in the trace's order (so always the same result). */
  private static final class Sums {
    int jobs;
    int withWait;
    double waitS;
    double slowdown;
    double processorS;
    long firstSubmitS = Long.MAX_VALUE;
    long lastEndS = Long.MIN_VALUE;

    void add(SwfJob job) {
      double runS = job.runSeconds();
      long waitS = job.waitSeconds();
      jobs++;
      processorS += runS * job.processors().getAsLong();
      firstSubmitS = Math.min(firstSubmitS, job.submitSeconds());
      lastEndS = Math.max(lastEndS, job.submitSeconds() + Math.max(0, waitS) + job.runSeconds());
      if (waitS != SwfJob.MISSING) {
        withWait++;
        this.waitS += waitS;
        slowdown += Math.max(1,
            (waitS + runS) / Math.max(runS, JobOutcome.SLOWDOWN_BOUND_S));
      }
    }

    OptionalDouble mean(double sum) {
      return withWait == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / withWait);
    }
  }
}
