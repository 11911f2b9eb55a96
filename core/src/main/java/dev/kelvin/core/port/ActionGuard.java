package dev.kelvin.core.port;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.model.ClusterSnapshot;

/**
 * Checks every proposed action before it is carried out: clamps setpoints to the hardware's
 * limits, rate-limits, drops duplicates and no-ops, and decides whether the action runs now,
 * waits for an operator, or runs dry. Time is the snapshot's, so simulation stays exact.
 */
@FunctionalInterface
public interface ActionGuard {
  GuardDecision review(Action proposal, ClusterSnapshot snapshot);
}
