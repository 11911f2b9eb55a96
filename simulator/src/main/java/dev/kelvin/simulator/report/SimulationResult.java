package dev.kelvin.simulator.report;

import java.util.List;

/**
 * Everything a run leaves for its reports: the figures, each site's power and energy, the
 * queue and temperatures over time, the time line and every job's outcome (jobs in id order).
 */
public record SimulationResult(RunSummary summary, List<SiteResult> sites, Series queueLength,
    Series hottestCpuC, Series meanInletC, List<Mark> marks, List<JobOutcome> jobs) {
  public SimulationResult {
    sites = List.copyOf(sites);
    marks = List.copyOf(marks);
    jobs = List.copyOf(jobs);
  }
}
