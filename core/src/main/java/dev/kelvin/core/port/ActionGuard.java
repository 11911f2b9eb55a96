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
 * stays exact.
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
}
