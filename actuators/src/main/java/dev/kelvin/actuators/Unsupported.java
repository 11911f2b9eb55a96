package dev.kelvin.actuators;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import java.time.Instant;

/** The result for an action that no actuator in this deployment carries out. */
final class Unsupported {
  private Unsupported() {}

  static ActionResult result(Action action, Instant at) {
    return ActionResult.of(action.id(), Outcome.UNSUPPORTED, at, "no actuator for "
        + action.getClass().getSimpleName() + " (" + action.describe() + " on "
        + action.target() + ") is configured in this deployment; only setpoints (CPU frequency"
        + " caps, GPU power limits, node power caps) are carried out, over MQTT");
  }
}
