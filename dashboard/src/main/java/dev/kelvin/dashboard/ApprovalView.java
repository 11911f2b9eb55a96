package dev.kelvin.dashboard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.approval.Approval;

/**
 * One held action as {@code /api/approvals} and the approve and reject answers show it: the
 * action, its approval state, and who made the latest transition and why.
 */
record ApprovalView(String id, String state, String node, String action, String type,
    String rule, String reason, String proposedAt, String lastProposedAt, String actor,
    String comment, String updatedAt) {

  static ApprovalView of(Approval approval) {
    Action action = approval.action();
    return new ApprovalView(action.id().value(), approval.state().label(), action.target(),
        action.describe(), action.type().wireName(), action.rule(), action.reason(),
        approval.proposedAt().toString(), approval.lastProposedAt().toString(),
        approval.actor(), approval.comment(), approval.updatedAt().toString());
  }
}
