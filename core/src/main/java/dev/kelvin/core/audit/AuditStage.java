package dev.kelvin.core.audit;

/** The step in an action's life that an audit record documents. */
public enum AuditStage {
  /** The guard approved it (possibly clamped) and it goes to the executor. */
  APPROVED,
  /** The guard refused it. */
  REJECTED,
  /** The guard holds it until an operator approves or rejects it. */
  HELD_FOR_APPROVAL,
  /** The guard runs in dry-run mode: it would have been carried out. */
  DRY_RUN,
  /** The executor carried it out and read the result back. */
  APPLIED,
  /**
   * The lease of an applied setpoint is due and its renewal is about to be sent: the record of
   * intent, written before the renewal goes out (as {@link #APPROVED} is for a new action).
   */
  RENEWING,
  /** The lease of an applied setpoint was renewed. */
  RENEWED,
  /**
   * Carrying it out (or renewing it) failed, timed out or was refused by the target, or it was
   * not sent because its record of intent could not be written.
   */
  FAILED,
  /**
   * The controller stopped holding a setpoint it held (its node went stale or gone, its lease
   * ran out unrenewed, it is back at the hardware maximum, or the setpoint meant to replace it
   * failed): it renews it no more, and the node reverts to its default when the lease runs
   * out. The detail says why.
   */
  LAPSED,
  /** An operator approved a held action (the actor names who); it runs at the next tick. */
  APPROVED_BY_OPERATOR,
  /** An operator rejected a held action (the actor names who); the detail is the comment. */
  REJECTED_BY_OPERATOR,
  /**
   * A held action was not decided in time: the policy stopped proposing it (its facts no
   * longer hold) or it waited longer than {@code approvals.max_age}.
   */
  EXPIRED,
  /**
   * An operator-approved action passed the guard again against the current snapshot and is
   * about to be sent: its record of intent (as {@link #APPROVED} is for an automatic one).
   */
  EXECUTING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
