package dev.kelvin.actuators;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.HoldJob;
import dev.kelvin.core.action.ReleaseJob;
import java.time.Instant;

/** The result for an action that no actuator in this deployment carries out. */
final class Unsupported {
  private Unsupported() {}

  static ActionResult result(Action action, Instant at) {
    if (action instanceof HoldJob || action instanceof ReleaseJob) {
      return ActionResult.of(action.id(), Outcome.UNSUPPORTED, at, "unsupported: job holds need"
          + " a workload-manager adapter (Slurm's, with workload.slurm.actions), and none is"
          + " configured in this deployment (" + action.describe() + " was not carried out)");
    }
    return ActionResult.of(action.id(), Outcome.UNSUPPORTED, at, "no actuator for "
        + action.getClass().getSimpleName() + " (" + action.describe() + " on "
        + action.target() + ") is configured in this deployment; setpoints (CPU frequency"
        + " caps, GPU power limits, node power caps) are carried out over MQTT, and drains,"
        + " resumes, requeues and job holds in Slurm with workload.slurm.actions");
  }
}
