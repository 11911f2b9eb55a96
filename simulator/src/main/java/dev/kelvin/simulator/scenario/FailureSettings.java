package dev.kelvin.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Node failures in a scenario: drawn from a model fitted to a real failure log, scaled, with
 * precursor signals ahead of them; plus failures the scenario scripts; and how often jobs
 * write the checkpoint a failure falls back to.
 *
 * @param model {@code none} or {@code lanl} (fitted to LANL system 18, see docs/simulator.md)
 * @param rateScale failure rates times this (1 as fitted; 2 for "what if failures double")
 * @param lead how long before a failure its precursors start to show
 * @param precursorShare the share of failures that give warning; empty for the model's own
 *     (the share of hardware-caused failures in the log)
 * @param checkpointEvery jobs write a checkpoint after each such span of work
 * @param scripted failures the scenario places itself
 */
public record FailureSettings(String model, double rateScale, Duration lead,
    OptionalDouble precursorShare, Duration checkpointEvery, List<ScriptedFailure> scripted) {
  public static final String NONE = "none";
  public static final String LANL = "lanl";

  public FailureSettings {
    scripted = List.copyOf(scripted);
  }

  /**
   * A failure the scenario places: node {@code node} (1-based, as the node named
   * {@code n0001} is 1) of site {@code site} fails {@code at} into the run and is repaired
   * after {@code repair}.
   */
  public record ScriptedFailure(String site, int node, Duration at, Duration repair) {}
}
