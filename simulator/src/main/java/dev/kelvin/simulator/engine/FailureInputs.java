package dev.kelvin.simulator.engine;

import dev.kelvin.simulator.failure.PlannedFailure;
import dev.kelvin.simulator.failure.Precursors;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The node failures of a run, drawn before it starts (from the fitted model and the seed, plus
 * the scenario's scripted ones), and the precursor signals that announce them in telemetry.
 *
 * @param plan every failure, sorted by time and then node
 * @param precursors what failing nodes' sensors show before they fail; empty for none
 */
public record FailureInputs(List<PlannedFailure> plan, Optional<Precursors> precursors) {
  public static final FailureInputs NONE = new FailureInputs(List.of(), Optional.empty());

  public FailureInputs {
    plan = plan.stream().sorted(Comparator.comparingDouble(PlannedFailure::atS)
        .thenComparingInt(PlannedFailure::node)).toList();
  }
}
