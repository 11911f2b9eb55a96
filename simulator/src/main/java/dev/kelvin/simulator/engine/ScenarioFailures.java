package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.failure.FailureModel;
import dev.kelvin.simulator.failure.FailurePlan;
import dev.kelvin.simulator.failure.PlannedFailure;
import dev.kelvin.simulator.failure.PrecursorSettings;
import dev.kelvin.simulator.failure.Precursors;
import dev.kelvin.simulator.scenario.FailureSettings;
import dev.kelvin.simulator.scenario.Scenario;
import dev.kelvin.simulator.scenario.ScenarioSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A scenario's failures drawn before its run: from the fitted model over every node of every
 * site (node numbers run through the sites in their order) and the seed, plus the scripted
 * ones; and the precursors of them all.
 */
public final class ScenarioFailures {
  private ScenarioFailures() {}

  /**
   * @param horizonS failures are drawn up to this time; later ones cannot matter to the run
   */
  public static FailureInputs of(Scenario scenario, double horizonS) {
    FailureSettings settings = scenario.failures();
    int nodes = scenario.sites().stream().mapToInt(ScenarioSite::nodes).sum();
    FailureModel model = FailureModel.LANL_SYSTEM_18;
    List<PlannedFailure> plan = new ArrayList<>();
    if (settings.model().equals(FailureSettings.LANL) && settings.rateScale() > 0) {
      plan.addAll(FailurePlan.draw(nodes, horizonS, scenario.seed(), model,
          settings.rateScale()));
    }
    for (FailureSettings.ScriptedFailure scripted : settings.scripted()) {
      plan.add(new PlannedFailure(firstNodeOf(scenario, scripted.site()) + scripted.node() - 1,
          scripted.at().toMillis() / 1000.0, scripted.repair().toMillis() / 1000.0));
    }
    if (plan.isEmpty()) {
      return FailureInputs.NONE;
    }
    PrecursorSettings defaults = PrecursorSettings.defaults(model);
    PrecursorSettings precursors = new PrecursorSettings(settings.lead(),
        settings.precursorShare().orElse(defaults.share()), defaults.backgroundErrorsPerHour(),
        defaults.peakFactor(), defaults.peakTempDriftC());
    FailureInputs sorted = new FailureInputs(plan, Optional.empty());
    return new FailureInputs(sorted.plan(), Optional.of(new Precursors(sorted.plan(), nodes,
        scenario.seed(), precursors)));
  }

  private static int firstNodeOf(Scenario scenario, String site) {
    int first = 0;
    for (ScenarioSite each : scenario.sites()) {
      if (each.name().equals(site)) {
        return first;
      }
      first += each.nodes();
    }
    throw new IllegalArgumentException("failures.scripted: no site " + site);
  }
}
