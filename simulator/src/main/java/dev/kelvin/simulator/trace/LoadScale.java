package dev.kelvin.simulator.trace;

import java.util.List;

/**
 * The same jobs arriving {@code factor} times as fast: submit times divided by it, rounded down,
 * each job's size and run time kept. The usual way to scale the offered load of a trace; a
 * factor of 1.5 offers 50 % more work per hour. Every trace format is scaled here.
 */
public record LoadScale(double factor) {
  public LoadScale {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("load scale factor " + factor
          + " must be a positive number (1 keeps the trace's own load)");
    }
  }

  /** A submit time under this scale. */
  public long submitS(long submitS) {
    return (long) Math.floor(submitS / factor);
  }

  /** The jobs with their submit times scaled, in their order. */
  public List<TraceJob> apply(List<TraceJob> jobs) {
    return factor == 1 ? List.copyOf(jobs)
        : jobs.stream().map(job -> job.withSubmitS(submitS(job.submitS()))).toList();
  }
}
