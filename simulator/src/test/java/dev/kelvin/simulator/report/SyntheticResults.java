package dev.kelvin.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/** Larger made-up results, seeded, for the plots: many points, two sites, marks and jobs. */
final class SyntheticResults {
  static final double DAYS_30_S = 30 * 86_400.0;

  private SyntheticResults() {}

  /**
   * A 30-day run with {@code points} points per series; {@code capped} lowers the power
   * (a policy that caps) and stretches the jobs a little.
   */
  static SimulationResult run(String policy, int points, boolean capped) {
    return run(policy, points, capped, 300, 2);
  }

  /** As {@link #run(String, int, boolean)}, with {@code markCount} marks of {@code kinds} kinds. */
  static SimulationResult run(String policy, int points, boolean capped, int markCount,
      int kinds) {
    Random random = new Random(7);
    double scale = capped ? 0.85 : 1;
    List<SiteResult> sites = List.of(
        site("kth", 400e3, 360e3 * scale, points, random),
        site("lumi", 0, 220e3 * scale, points, random));
    List<Mark> marks = new ArrayList<>();
    List<String> kindNames = List.of("action", "failure", "alarm", "event", "drill", "other");
    for (int i = 0; i < markCount; i++) {
      double at = random.nextDouble() * DAYS_30_S;
      String kind = i % 10 == 0 ? kindNames.get(1) : kindNames.get(i % kinds == 1 ? 0 : i % kinds);
      marks.add(new Mark(at, kind, kind.equals("failure") ? "n" + i + " failed"
          : kind + " set_cpu_frequency_cap n" + i + " 1800 MHz, the cluster is over its budget"));
    }
    marks.sort((a, b) -> Double.compare(a.timeS(), b.timeS()));
    List<JobOutcome> jobs = new ArrayList<>();
    for (int id = 1; id <= 5000; id++) {
      double submit = random.nextDouble() * DAYS_30_S * 0.9;
      double wait = Math.exp(random.nextGaussian() * 2 + 5) * (capped ? 1.3 : 1);
      long run = 30 + (long) Math.exp(random.nextDouble() * 10);
      jobs.add(new JobOutcome(id, 1 + random.nextInt(64), (long) submit, submit + wait,
          submit + wait + run * (capped ? 1.08 : 1), run, random.nextInt(50) != 0));
    }
    SortedMap<String, Long> actions = new TreeMap<>();
    if (capped) {
      actions.put("set_cpu_frequency_cap", 270L);
    }
    RunSummary summary = new RunSummary("synthetic month", 7, policy, 250_000 * scale,
        200_000 * scale, 50_000 * scale, 1.25, 5000, 4900, 100, 3, 812.5, 410.2, 3.71,
        capped ? 8 : 0, DAYS_30_S, 0.71, actions, 61_000 * scale, 31_250 * scale, DAYS_30_S,
        1_234_567);
    return new SimulationResult(summary, sites,
        wave("queue", "jobs", points, 40, 35, 0, random),
        wave("hottest cpu", "°C", points, 70, 12 * scale, 0, random),
        wave("mean inlet", "°C", points, 23, 2, 0, random), marks, jobs);
  }

  private static SiteResult site(String name, double budgetW, double meanW, int points,
      Random random) {
    Series power = wave(name + " power", "W", points, meanW, meanW * 0.2, 1, random);
    Series it = wave(name + " it", "W", points, meanW * 0.8, meanW * 0.16, 1, random);
    return new SiteResult(name, power, it,
        budgetW > 0 ? OptionalDouble.of(budgetW) : OptionalDouble.empty(),
        meanW * 0.8 * 720 / 1000, meanW * 0.2 * 720 / 1000, 100, 50);
  }

  /** A daily wave plus noise, rounded to whole units, never below {@code floor}. */
  private static Series wave(String name, String unit, int points, double mean,
      double amplitude, double floor, Random random) {
    Series.Builder builder = new Series.Builder(name, unit);
    for (int i = 0; i < points; i++) {
      double t = DAYS_30_S * i / points;
      double value = mean + amplitude * Math.sin(2 * Math.PI * t / 86_400)
          + amplitude * 0.3 * random.nextGaussian();
      builder.add(t, Math.max(floor, Math.rint(value)));
    }
    return builder.build();
  }
}
