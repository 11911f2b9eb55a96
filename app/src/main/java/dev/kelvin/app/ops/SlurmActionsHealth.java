package dev.kelvin.app.ops;

import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.dashboard.Health.Component;
import dev.kelvin.dashboard.Health.Status;
import java.util.Map;
import java.util.Optional;

/**
 * The Slurm actions' part of {@code /health} ({@code workload.slurm.actions}): DEGRADED while
 * the action carried out last failed (a command refused or timed out, or Slurm did not show
 * what it was asked: often the user the commands run as lacks Slurm's operator rights), UP
 * otherwise. A rejected action is a decision (an operator's drain left alone), not a fault.
 */
public final class SlurmActionsHealth {
  private SlurmActionsHealth() {}

  public static Component of(Optional<ActionResult> last, Map<Outcome, Long> outcomes) {
    String counts = outcomes.getOrDefault(Outcome.APPLIED, 0L) + " applied, "
        + outcomes.getOrDefault(Outcome.REJECTED, 0L) + " rejected, "
        + outcomes.getOrDefault(Outcome.FAILED, 0L) + " failed since start";
    if (last.isPresent() && last.get().outcome() == Outcome.FAILED) {
      return new Component(Status.DEGRADED, "the last Slurm action failed at " + last.get().at()
          + ": " + last.get().detail() + " (" + counts + "; the audit log has each)");
    }
    return new Component(Status.UP, last.isEmpty() ? "no Slurm action yet" : counts);
  }
}
