package dev.kelvin.app.simulate;

import dev.kelvin.simulator.report.Comparison;
import dev.kelvin.simulator.report.RunSummary;
import dev.kelvin.simulator.report.SimulationResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The headline figures of a run, or of two runs side by side, as a table for people. */
final class SummaryTable {
  private record Row(String name, String format, ToDoubleFunction<RunSummary> figure) {}

  private static final List<Row> ROWS = List.of(
      new Row("energy (kWh)", "%,.1f", RunSummary::energyKwh),
      new Row("IT energy (kWh)", "%,.1f", RunSummary::itEnergyKwh),
      new Row("cooling energy (kWh)", "%,.1f", RunSummary::coolingEnergyKwh),
      new Row("PUE", "%.3f", RunSummary::pue),
      new Row("jobs submitted", "%,.0f", summary -> summary.jobsSubmitted()),
      new Row("jobs completed", "%,.0f", summary -> summary.jobsCompleted()),
      new Row("jobs never fit", "%,.0f", summary -> summary.jobsNeverFit()),
      new Row("job runs interrupted", "%,.0f", summary -> summary.jobsFailed()),
      new Row("mean wait (s)", "%,.0f", RunSummary::meanWaitS),
      new Row("mean bounded slowdown", "%.2f", RunSummary::meanBoundedSlowdown),
      new Row("mean run time stretch (%)", "%.2f", RunSummary::meanRuntimeStretchPct),
      new Row("makespan (days)", "%.1f", summary -> summary.makespanS() / 86_400),
      new Row("utilisation", "%.3f", RunSummary::utilisation),
      new Row("carbon (kg CO2e)", "%,.0f", RunSummary::carbonKg),
      new Row("cost", "%,.0f", RunSummary::cost));

  private SummaryTable() {}

  static void print(PrintWriter out, SimulationResult result) {
    RunSummary summary = result.summary();
    out.printf(Locale.ROOT, "%-28s %16s%n", "scenario " + summary.scenario(),
        "policy " + summary.policy());
    for (Row row : ROWS) {
      out.printf(Locale.ROOT, "%-28s %16s%n", row.name(), value(row, summary));
    }
    out.printf(Locale.ROOT, "%-28s %16s%n", "actions", summary.actions());
  }

  static void printComparison(PrintWriter out, SimulationResult base, SimulationResult run) {
    Comparison comparison = Comparison.of(base, run);
    out.printf(Locale.ROOT, "%-28s %16s %16s%n", "scenario " + run.summary().scenario(),
        "policy " + base.summary().policy(), "policy " + run.summary().policy());
    for (Row row : ROWS) {
      out.printf(Locale.ROOT, "%-28s %16s %16s%n", row.name(), value(row, base.summary()),
          value(row, run.summary()));
    }
    out.printf(Locale.ROOT, "%-28s %16s %16s%n", "actions", base.summary().actions(),
        run.summary().actions());
    out.printf(Locale.ROOT, "energy saved %.2f %%, carbon saved %.2f %%, mean run time stretch"
        + " %.2f %%, mean wait change %.2f %%, mean bounded slowdown change %.2f %% (over %,d"
        + " jobs completed in both runs)%n", comparison.energySavedPct(),
        comparison.carbonSavedPct(), comparison.meanRuntimeStretchPct(),
        comparison.meanWaitChangePct(), comparison.meanBoundedSlowdownChangePct(),
        comparison.jobsCompared());
  }

  private static String value(Row row, RunSummary summary) {
    double value = row.figure().applyAsDouble(summary);
    return Double.isFinite(value) ? String.format(Locale.ROOT, row.format(), value) : "n/a";
  }
}
