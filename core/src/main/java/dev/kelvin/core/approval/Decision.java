package dev.kelvin.core.approval;

import dev.kelvin.core.action.ActionId;
import java.util.Objects;

/**
 * What came of an operator's approve or reject: done, no such held action, or the action is no
 * longer proposed (expired, already decided, carried out). Refusals change nothing.
 */
public sealed interface Decision permits Decision.Done, Decision.Unknown, Decision.Conflict {

  /** A line a person can act on. */
  String message();

  /** The transition was made and audited. */
  record Done(Approval approval) implements Decision {
    public Done {
      Objects.requireNonNull(approval, "approval");
    }

    @Override
    public String message() {
      return "action " + approval.id() + " is now " + approval.state().label();
    }
  }

  /** No held action has this id (never held, or forgotten long ago). */
  record Unknown(ActionId id) implements Decision {
    public Unknown {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public String message() {
      return "no action " + id + " is held for approval (a mistyped id, an action that never"
          + " needed approval, or one forgotten long ago)";
    }
  }

  /** The action exists but is no longer proposed: nothing was changed. */
  record Conflict(Approval approval, String wanted) implements Decision {
    public Conflict {
      Objects.requireNonNull(approval, "approval");
      Objects.requireNonNull(wanted, "wanted");
    }

    @Override
    public String message() {
      return "action " + approval.id() + " cannot be " + wanted + ": it is "
          + approval.state().label() + " (by " + approval.actor() + " at "
          + approval.updatedAt() + ": " + approval.comment() + "), not proposed; nothing"
          + " was changed";
    }
  }
}
