package dev.kelvin.core.approval;

import java.util.Locale;

/**
 * Where a held action stands: proposed → approved / rejected / expired; approved →
 * executing → succeeded / failed. Only {@link #PROPOSED} can be decided by an operator.
 */
public enum ApprovalState {
  /** The guard held it; it waits for an operator while the policy keeps proposing it. */
  PROPOSED,
  /** An operator approved it; the control loop carries it out at its next tick. */
  APPROVED,
  /** An operator rejected it. Final. */
  REJECTED,
  /** The policy stopped proposing it, or it waited longer than the maximum age. Final. */
  EXPIRED,
  /** Its record of intent is written and it went to the executor. */
  EXECUTING,
  /** The executor carried it out. Final. */
  SUCCEEDED,
  /** The guard refused it at execution time, or carrying it out failed. Final. */
  FAILED;

  /** The lower-case name, as the HTTP API and the dashboard show it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the action may still be carried out: proposed, approved or executing. */
  public boolean open() {
    return this == PROPOSED || this == APPROVED || this == EXECUTING;
  }
}
