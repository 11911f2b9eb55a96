package dev.kelvin.simulator.report;

/**
 * What became of one job in a run.
 *
 * @param id the job's id in its trace
 * @param nodes the nodes it ran on
 * @param submitS when it was submitted, seconds from the run's start
 * @param startS when it (last) started; -1 if it never did
 * @param endS when it ended; -1 if it had not ended when the run stopped
 * @param traceRunS how long it ran in the trace, at full clock
 * @param completed whether it ran to its end (not failed, not cut off by the run's end)
 */
public record JobOutcome(long id, int nodes, long submitS, double startS, double endS,
    long traceRunS, boolean completed) {
  /** The bound of the bounded slowdown, in seconds (Feitelson's usual 10 s). */
  public static final double SLOWDOWN_BOUND_S = 10;

  public double waitS() {
    return startS - submitS;
  }

  public double runS() {
    return endS - startS;
  }

  /** {@code max(1, (wait + run) / max(run, 10 s))}, with the run time as simulated. */
  public double boundedSlowdown() {
    return Math.max(1, (waitS() + runS()) / Math.max(runS(), SLOWDOWN_BOUND_S));
  }

  /** How much longer it ran than in the trace, in percent (DVFS stretches a run). */
  public double runtimeStretchPct() {
    return traceRunS == 0 ? 0 : (runS() / traceRunS - 1) * 100;
  }
}
