package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.report.JobOutcome;
import dev.kelvin.simulator.report.RunSummary;
import dev.kelvin.simulator.report.SimulationResult;
import dev.kelvin.simulator.report.SiteResult;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** Turns a finished run's state into its {@link SimulationResult}: one place per figure. */
final class ResultAssembler {
  private final SimulationSetup setup;
  private final Datacenter dc;
  private final JobBook jobs;
  private final Telemetry telemetry;
  private final SimulatedActions actions;
  private final Timeline timeline;

  ResultAssembler(SimulationSetup setup, Datacenter dc, JobBook jobs, Telemetry telemetry,
      SimulatedActions actions, Timeline timeline) {
    this.timeline = timeline;
    this.setup = setup;
    this.dc = dc;
    this.jobs = jobs;
    this.telemetry = telemetry;
    this.actions = actions;
  }

  SimulationResult assemble(double endS, long events) {
    List<SiteResult> sites = new ArrayList<>();
    double itKwh = 0;
    double coolingKwh = 0;
    double facilityKwh = 0;
    double carbonKg = 0;
    double cost = 0;
    double busyNodeS = 0;
    int totalNodes = 0;
    SiteLedger ledger = dc.ledger;
    for (int s = 0; s < dc.siteCount(); s++) {
      ScenarioSite site = ledger.site(s);
      double siteCarbon = ledger.carbonKg(s);
      double siteCost = ledger.cost(s);
      OptionalDouble budgetW = site.powerBudgetKw().isPresent()
          ? OptionalDouble.of(site.powerBudgetKw().getAsDouble() * 1000) : OptionalDouble.empty();
      sites.add(new SiteResult(site.name(), ledger.facilitySeries(s), ledger.itSeries(s),
          budgetW, ledger.itKwh(s), ledger.coolingKwh(s), siteCarbon, siteCost));
      itKwh += ledger.itKwh(s);
      coolingKwh += ledger.coolingKwh(s);
      facilityKwh += ledger.facilityKwh(s);
      carbonKg += siteCarbon;
      cost += siteCost;
      busyNodeS += ledger.busyNodeSeconds(s);
      totalNodes += dc.siteSize(s);
    }
    List<JobOutcome> outcomes = new ArrayList<>(jobs.outcomes());
    outcomes.sort(Comparator.comparingLong(JobOutcome::id).thenComparingDouble(
        JobOutcome::submitS));
    Scenario scenario = setup.scenario();
    RunSummary summary = new RunSummary(scenario.name(), scenario.seed(),
        scenario.control().policy(), facilityKwh, itKwh, coolingKwh,
        itKwh > 0 ? facilityKwh / itKwh : Double.NaN, jobs.total(), completed(outcomes),
        jobs.interruptions(), jobs.neverFit(), jobs.nodeHoursLost(), mean(outcomes, Figure.WAIT),
        mean(outcomes, Figure.SLOWDOWN), mean(outcomes, Figure.STRETCH), endS,
        endS > 0 ? busyNodeS / (totalNodes * endS) : Double.NaN, actions.appliedByType(),
        carbonKg, cost, endS, events);
    return new SimulationResult(summary, sites, jobs.queueLength(), telemetry.hottest(),
        telemetry.meanInlet(), timeline.marks(), outcomes);
  }

  private enum Figure { WAIT, SLOWDOWN, STRETCH }

  private static double mean(List<JobOutcome> outcomes, Figure figure) {
    double sum = 0;
    int count = 0;
    for (JobOutcome outcome : outcomes) {
      if (!outcome.completed()) {
        continue;
      }
      sum += figure == Figure.WAIT ? outcome.waitS()
          : figure == Figure.SLOWDOWN ? outcome.boundedSlowdown() : outcome.runtimeStretchPct();
      count++;
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  private static int completed(List<JobOutcome> outcomes) {
    return (int) outcomes.stream().filter(JobOutcome::completed).count();
  }

}
