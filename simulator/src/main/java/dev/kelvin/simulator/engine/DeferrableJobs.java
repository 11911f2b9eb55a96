package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.random.Seeds;

/**
 * Which of a run's jobs their users marked deferrable (on a live cluster, Slurm's
 * {@code --comment=kelvin:deferrable}): a share of the trace's jobs, drawn per job from the
 * run's seed. The draw depends on the job's trace number and the seed alone, so every run of one
 * seed marks the same jobs, whatever its policy: runs compare job for job.
 *
 * @param share the share of jobs marked, 0 (none, the default) to 1 (all)
 * @param seed the run's seed
 */
record DeferrableJobs(double share, long seed) {
  private static final double UNIT = 0x1.0p-53;

  DeferrableJobs {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("the deferrable share must be within 0..1, was "
          + share);
    }
  }

  /** None marked. */
  static DeferrableJobs none() {
    return new DeferrableJobs(0, 0);
  }

  /** Whether the job numbered {@code traceId} in its trace is marked deferrable. */
  boolean marked(long traceId) {
    if (share <= 0) {
      return false;
    }
    long bits = Seeds.derive(seed, "deferrable", Long.toString(traceId));
    return (bits >>> 11) * UNIT < share;
  }
}
