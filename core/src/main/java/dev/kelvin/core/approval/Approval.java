package dev.kelvin.core.approval;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One held action as the store keeps it: the action as first held (its id names the approval),
 * its state, when it was first and last proposed, and who decided it last and why.
 *
 * @param lastProposedAt the latest tick at which the policy proposed it again
 * @param actor who made the latest transition: the controller or an operator
 * @param comment the operator's comment, or the controller's reason, for the latest transition
 * @param updatedAt when the latest transition happened
 */
public record Approval(Action action, ApprovalState state, Instant proposedAt,
    Instant lastProposedAt, String actor, String comment, Instant updatedAt) {
  public Approval {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(proposedAt, "proposedAt");
    Objects.requireNonNull(lastProposedAt, "lastProposedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public ActionId id() {
    return action.id();
  }

  Approval to(ApprovalState next, String by, String why, Instant at) {
    return new Approval(action, next, proposedAt, lastProposedAt, by, why, at);
  }

  Approval proposedAgain(Instant at) {
    return new Approval(action, state, proposedAt, at, actor, comment, updatedAt);
  }

  /** What makes two proposals the same one: type, target and what it does (its value). */
  static String key(Action action) {
    return action.type().wireName() + "|" + action.target() + "|" + action.describe();
  }
}
