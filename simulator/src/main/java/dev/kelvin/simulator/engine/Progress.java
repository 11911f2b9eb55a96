package dev.kelvin.simulator.engine;

/** Hears how far a run has got, about once per simulated day. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (simulatedS, jobsDone, jobsTotal) -> { };

  /**
   * @param simulatedS simulated seconds from the run's start
   * @param jobsDone jobs that have ended (or never fit)
   * @param jobsTotal jobs in the trace
   */
  void update(double simulatedS, int jobsDone, int jobsTotal);
}
