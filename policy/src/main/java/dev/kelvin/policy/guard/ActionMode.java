package dev.kelvin.policy.guard;

/** What the {@link SafetyGuard} does with an action of one type that passed every check. */
public enum ActionMode {
  /** Carried out at once. */
  AUTOMATIC,
  /** Held until an operator approves it. */
  NEEDS_APPROVAL,
  /** Audited and shown as what would have been done; nothing is carried out. */
  DRY_RUN
}
