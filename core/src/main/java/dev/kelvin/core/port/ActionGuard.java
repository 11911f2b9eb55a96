package dev.kelvin.core.port;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.model.ClusterSnapshot;
import java.util.List;

/**
 * Checks every proposed action before it is carried out: clamps setpoints to the hardware's
 * limits, rate-limits, drops duplicates and no-ops, and decides whether the action runs now,
 * waits for an operator, or runs dry. Time is the snapshot's, so simulation stays exact. It
 * holds an action for an operator only once every other check has passed (and with the value
 * clamped), so that an approval is never asked for an action it would refuse.
 */
@FunctionalInterface
public interface ActionGuard {
  GuardDecision review(Action proposal, ClusterSnapshot snapshot);

  /**
   * Checks again, against the snapshot it is about to be carried out on, an action an operator
   * approved: the same checks as {@link #review} (hardware limits, staleness, dwell, rates),
   * without asking for approval again. The default reviews it and takes a {@code Held} verdict
   * as passing: the approval it waits for has been given.
   */
  default GuardDecision recheckApproved(Action approved, ClusterSnapshot snapshot) {
    GuardDecision decision = review(approved, snapshot);
    return decision instanceof GuardDecision.Held held
        ? new GuardDecision.Approved(held.action(), List.of()) : decision;
  }
}
