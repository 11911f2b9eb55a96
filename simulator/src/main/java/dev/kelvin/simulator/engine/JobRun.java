package dev.kelvin.simulator.engine;

import dev.kelvin.core.time.Scheduler;
import dev.kelvin.simulator.trace.TraceJob;

/**
 * A job while it runs. Its work is counted in seconds at full clock; it progresses at
 * {@link #rate} (1 at full clock, less under a cap on any of its nodes), and its end is
 * rescheduled whenever the rate changes, so its run time is exact under any sequence of caps.
 */
final class JobRun {
  final TraceJob trace;
  final int siteIndex;
  final int[] nodes;
  final double submitS;
  final double startS;
  /** Times it was interrupted (node failure, requeue) before this start. */
  final int restarts;
  double workLeftS;
  double rate = 1;
  double lastS;
  Scheduler.Task end;

  JobRun(TraceJob trace, int siteIndex, int[] nodes, double submitS, double startS,
      double workS, int restarts) {
    this.trace = trace;
    this.siteIndex = siteIndex;
    this.nodes = nodes;
    this.submitS = submitS;
    this.startS = startS;
    this.workLeftS = workS;
    this.restarts = restarts;
    this.lastS = startS;
  }

  /** Work done of the whole job, seconds at full clock (earlier starts' kept work included). */
  double workDoneS() {
    return trace.runS() - workLeftS;
  }

  /** Brings the work left up to {@code nowS} at the rate held since the last change. */
  void progressTo(double nowS) {
    workLeftS = Math.max(0, workLeftS - rate * (nowS - lastS));
    lastS = nowS;
  }

  /** When it ends at its present rate. */
  double endS() {
    return lastS + workLeftS / rate;
  }

  /** When its requested time runs out: what backfilling plans with. */
  double limitS() {
    return startS + trace.requestedS();
  }
}
