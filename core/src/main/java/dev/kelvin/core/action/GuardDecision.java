package dev.kelvin.core.action;

import java.util.List;
import java.util.Objects;

/**
 * The safety guard's verdict on a proposed action. An approved action may differ from the
 * proposal (a setpoint clamped to the hardware's limits); {@code notes} say how and why.
 */
public sealed interface GuardDecision
    permits GuardDecision.Approved, GuardDecision.Rejected, GuardDecision.Held,
        GuardDecision.DryRun {

  /** The action as it stands after the guard (clamped where approved). */
  Action action();

  /** Carry it out now. */
  record Approved(Action action, List<String> notes) implements GuardDecision {
    public Approved {
      Objects.requireNonNull(action, "action");
      notes = List.copyOf(notes);
    }
  }

  /** Do not carry it out: unsafe, redundant or too soon after the last one. */
  record Rejected(Action action, String why) implements GuardDecision {
    public Rejected {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(why, "why");
    }
  }

  /** Wait for an operator to approve it. */
  record Held(Action action, String why) implements GuardDecision {
    public Held {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(why, "why");
    }
  }

  /** Would have been carried out, but the guard runs in dry-run mode. */
  record DryRun(Action action, List<String> notes) implements GuardDecision {
    public DryRun {
      Objects.requireNonNull(action, "action");
      notes = List.copyOf(notes);
    }
  }
}
