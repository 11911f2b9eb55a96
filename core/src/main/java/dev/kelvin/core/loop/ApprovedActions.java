package dev.kelvin.core.loop;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.GuardDecision;
import dev.kelvin.core.approval.Approval;
import dev.kelvin.core.approval.ApprovalStore;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.port.ActionGuard;
import java.time.Instant;

/**
 * The loop's step for actions operators approved: each passed by the guard again against the
 * tick's snapshot ({@link ActionGuard#recheckApproved}), then carried out through {@link
 * Dispatch} with its {@code executing} record first; the result settles the approval.
 */
final class ApprovedActions {
  private static final System.Logger LOG = System.getLogger(ApprovedActions.class.getName());

  private final ApprovalStore approvals;
  private final ActionGuard guard;
  private final Dispatch dispatch;

  ApprovedActions(ApprovalStore approvals, ActionGuard guard, Dispatch dispatch) {
    this.approvals = approvals;
    this.guard = guard;
    this.dispatch = dispatch;
  }

  /**
   * Carries out what operators approved since the last tick, each passed by the guard again
   * against this tick's snapshot (clamped where it must be); one the guard refuses now fails
   * unsent, audited with the guard's reason.
   */
  void carryOut(ClusterSnapshot snapshot) {
    Instant at = snapshot.at();
    for (Approval approval : approvals.approved()) {
      GuardDecision check = recheck(approval.action(), snapshot);
      if (check instanceof GuardDecision.Approved passed) {
        approvals.executing(approval.id(), at);
        String notes = passed.notes().isEmpty() ? "" : "; " + String.join("; ", passed.notes());
        dispatch.carryOut(AuditEvent.of(at, AuditStage.EXECUTING, passed.action(), "approved by "
            + approval.actor() + " (" + approval.comment() + "); the guard passed it again"
            + notes), AuditStage.APPLIED, result -> approvals.settled(approval.id(), result));
      } else {
        String why = "not carried out: the guard refuses it now, against the snapshot of "
            + at + " (" + why(check) + ")";
        approvals.refused(approval.id(), why, at);
        dispatch.appendResult(AuditEvent.of(at, AuditStage.FAILED, check.action(), why),
            approval.action());
      }
    }
  }

  private static String why(GuardDecision decision) {
    if (decision instanceof GuardDecision.Rejected rejected) {
      return rejected.why();
    } else if (decision instanceof GuardDecision.Held held) {
      return "it holds it again: " + held.why();
    } else if (decision instanceof GuardDecision.DryRun) {
      return "it runs dry for this action type: nothing is sent";
    }
    throw new AssertionError(decision);
  }

  private GuardDecision recheck(Action approved, ClusterSnapshot snapshot) {
    try {
      return guard.recheckApproved(approved, snapshot);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "guard failed on approved " + approved.id(), e);
      return new GuardDecision.Rejected(approved, "guard failed, so nothing was done: " + e);
    }
  }

}
