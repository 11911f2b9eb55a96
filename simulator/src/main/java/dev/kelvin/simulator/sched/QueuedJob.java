package dev.kelvin.simulator.sched;

/**
 * A job waiting in the batch queue as the scheduler sees it.
 *
 * @param id the job's id, unique in the run
 * @param nodes the whole nodes it needs
 * @param requestedS the wall time it asked for, which backfilling plans with
 * @param submitS when it was submitted, seconds of simulated time
 */
public record QueuedJob(long id, int nodes, long requestedS, long submitS) {}
