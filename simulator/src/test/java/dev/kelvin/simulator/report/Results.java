package dev.kelvin.simulator.report;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Small hand-built results for the report tests. */
final class Results {
  private Results() {}

  static Series series(String name, String unit, double... timeValuePairs) {
    Series.Builder builder = new Series.Builder(name, unit);
    for (int i = 0; i < timeValuePairs.length; i += 2) {
      builder.add(timeValuePairs[i], timeValuePairs[i + 1]);
    }
    return builder.build();
  }

  static RunSummary summary(String policy, double energyKwh, double pue, double meanWaitS) {
    TreeMap<String, Long> actions = new TreeMap<>();
    if (!policy.equals("none")) {
      actions.put("set_cpu_frequency_cap", 12L);
      actions.put("drain_node", 1L);
    }
    return new RunSummary("two-jobs \"tiny\"", 42, policy, energyKwh, energyKwh * 0.8,
        energyKwh * 0.2, pue, 3, 2, 1, 0, 0.5, meanWaitS, 1.25, 0, 7200, 0.333333333, actions,
        energyKwh * 0.025, 3.75, 7200, 99);
  }

  /** One site of 300 kW budget over two hours: 250 kW, then 350 kW for 30 minutes, then 200. */
  static SiteResult site() {
    return new SiteResult("kth", series("power", "W", 0, 250e3, 3600, 350e3, 5400, 200e3),
        series("it power", "W", 0, 200e3, 3600, 280e3, 5400, 160e3), OptionalDouble.of(300e3),
        400, 100, 12.5, 3.75);
  }

  static SimulationResult result(RunSummary summary, List<JobOutcome> jobs) {
    return new SimulationResult(summary, List.of(site()),
        series("queue", "jobs", 0, 0, 10, 2, 100, 0),
        series("hottest cpu", "°C", 0, 40, 3600, 71.5),
        series("mean inlet", "°C", 0, 22, 3600, 23.5),
        List.of(new Mark(3600, "action", "set_cpu_frequency_cap n0001 1800 MHz"),
            new Mark(4000, "failure", "n0002 failed")),
        jobs);
  }

  static SimulationResult baseline() {
    return result(summary("none", 500, 1.25, 10), List.of(
        new JobOutcome(1, 4, 0, 0, 100, 100, true),
        new JobOutcome(2, 2, 0, 10, 210, 200, true),
        new JobOutcome(3, 1, 5, 5, 50, 60, false)));
  }
}
