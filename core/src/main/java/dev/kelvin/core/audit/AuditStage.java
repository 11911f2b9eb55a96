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
  /** The lease of an applied setpoint was renewed. */
  RENEWED,
  /** Carrying it out (or renewing it) failed, timed out or was refused by the target. */
  FAILED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
