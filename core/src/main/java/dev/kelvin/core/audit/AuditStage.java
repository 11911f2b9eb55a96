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
  LAPSED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
