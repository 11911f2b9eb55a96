package dev.kelvin.core.port;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.model.ClusterSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every proposed action before it is carried out: clamps setpoints to the hardware's
 * limits, rate-limits, drops duplicates and no-ops, settles conflicts, and decides whether the
 * action runs now, waits for an operator, or runs dry. Time is the snapshot's, so simulation
 * stays exact. It holds an action for an operator only once every other check has passed (and
 * with the value clamped), so that an approval is never asked for an action it would refuse.
 */
@FunctionalInterface
public interface ActionGuard {
  GuardDecision review(Action proposal, ClusterSnapshot snapshot);

  /**
   * Reviews one tick's proposals together, so that they can be settled against each other (two
   * values of one setpoint, the same action twice); one decision per proposal, in their order.
   * By default each is reviewed on its own.
   */
  default List<GuardDecision> reviewAll(List<Action> proposals, ClusterSnapshot snapshot) {
    List<GuardDecision> decisions = new ArrayList<>(proposals.size());
    for (Action proposal : proposals) {
      decisions.add(review(proposal, snapshot));
    }
    return decisions;
  }

  /**
   * Checks again, against the snapshot it is about to be carried out on, an action an operator
   * approved, without asking for approval again. The default reviews it and takes a {@code
   * Held} verdict as passing: the approval it waits for has been given. A guard that charges
   * dwell, rates or repeats when it holds an action must not charge them twice here.
   */
  default GuardDecision recheckApproved(Action approved, ClusterSnapshot snapshot) {
    GuardDecision decision = review(approved, snapshot);
    return decision instanceof GuardDecision.Held held
        ? new GuardDecision.Approved(held.action(), List.of()) : decision;
  }
}
