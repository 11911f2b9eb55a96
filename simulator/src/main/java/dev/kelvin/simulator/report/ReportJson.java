package dev.kelvin.simulator.report;

import java.util.Map;

/**
 * Writes {@code report.json}: a run's figures and each site's, the same bytes for the same
 * result (keys in a fixed order, doubles to six significant digits, {@code null} where a figure
 * is not defined). {@code docs/simulator.md} describes every key with its unit.
 */
public final class ReportJson {
  private ReportJson() {}

  /** The report as JSON text, ending in a line end; write it as UTF-8. */
  public static String of(SimulationResult result) {
    JsonWriter json = new JsonWriter().object();
    summary(json, result.summary());
    json.name("sites").array();
    for (SiteResult site : result.sites()) {
      site(json, site, result.summary().simulatedS());
    }
    return json.end().end().toString();
  }

  /**
   * {@code compare.json}: the comparison's figures, then each run's headline figures (the keys
   * of {@code report.json} from {@code policy} on, and the hours over budget of all sites).
   */
  public static String of(Comparison comparison) {
    RunSummary base = comparison.baseline().summary();
    RunSummary run = comparison.policy().summary();
    JsonWriter json = new JsonWriter().object()
        .field("scenario", base.scenario())
        .field("seed", base.seed())
        .field("baseline_policy", base.policy())
        .field("policy", run.policy())
        .field("energy_saved_kwh", base.energyKwh() - run.energyKwh())
        .field("energy_saved_pct", comparison.energySavedPct())
        .field("carbon_saved_kg", comparison.carbonSavedKg())
        .field("carbon_saved_pct", comparison.carbonSavedPct())
        .field("jobs_compared", comparison.jobsCompared())
        .field("mean_runtime_stretch_pct", comparison.meanRuntimeStretchPct())
        .field("mean_wait_change_pct", comparison.meanWaitChangePct())
        .field("mean_bounded_slowdown_change_pct", comparison.meanBoundedSlowdownChangePct());
    json.name("baseline");
    headline(json, comparison.baseline());
    json.name("with_policy");
    headline(json, comparison.policy());
    return json.end().toString();
  }

  private static void headline(JsonWriter json, SimulationResult result) {
    json.object();
    figures(json, result.summary());
    double hoursOver = 0;
    for (SiteResult site : result.sites()) {
      double hours = SiteFigures.hoursOverBudget(site, result.summary().simulatedS());
      hoursOver += Double.isNaN(hours) ? 0 : hours;
    }
    json.field("hours_over_budget", hoursOver).end();
  }

  private static void summary(JsonWriter json, RunSummary run) {
    json.field("scenario", run.scenario())
        .field("seed", run.seed());
    figures(json, run);
  }

  private static void figures(JsonWriter json, RunSummary run) {
    json.field("policy", run.policy())
        .field("energy_kwh", run.energyKwh())
        .field("it_energy_kwh", run.itEnergyKwh())
        .field("cooling_energy_kwh", run.coolingEnergyKwh())
        .field("pue", run.pue())
        .field("jobs_submitted", run.jobsSubmitted())
        .field("jobs_completed", run.jobsCompleted())
        .field("jobs_failed", run.jobsFailed())
        .field("jobs_never_fit", run.jobsNeverFit())
        .field("node_hours_lost", run.nodeHoursLost())
        .field("mean_wait_s", run.meanWaitS())
        .field("mean_bounded_slowdown", run.meanBoundedSlowdown())
        .field("mean_runtime_stretch_pct", run.meanRuntimeStretchPct())
        .field("makespan_s", run.makespanS())
        .field("utilisation", run.utilisation());
    json.name("actions").object();
    for (Map.Entry<String, Long> action : run.actions().entrySet()) {
      json.field(action.getKey(), action.getValue());
    }
    json.end()
        .field("carbon_kg", run.carbonKg())
        .field("cost", run.cost())
        .field("simulated_s", run.simulatedS());
  }

  private static void site(JsonWriter json, SiteResult site, double endS) {
    json.object()
        .field("name", site.site())
        .field("energy_kwh", SiteFigures.energyKwh(site))
        .field("it_energy_kwh", site.itEnergyKwh())
        .field("cooling_energy_kwh", site.coolingEnergyKwh())
        .field("carbon_kg", site.carbonKg())
        .field("cost", site.cost())
        .field("budget_kw", site.budgetW().isPresent()
            ? site.budgetW().getAsDouble() / 1000 : Double.NaN)
        .field("peak_power_kw", SiteFigures.peakPowerKw(site))
        .field("hours_over_budget", SiteFigures.hoursOverBudget(site, endS))
        .end();
  }
}
