package dev.kelvin.dashboard;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditRecord;
import java.util.List;
import java.util.OptionalDouble;

/** One raw audit record as {@code /api/audit} serves it to tooling, times in ISO-8601. */
record AuditRecordView(long seq, String at, String stage, String actor, String actionId,
    String type, String target, String action, String rule, String reason, List<String> facts,
    String proposedAt, long leaseSeconds, String detail, Result result) {

  /** The result read back, when the record carries one. */
  record Result(String outcome, String at, Double before, Double after, String leaseExpiresAt,
      String detail) {
    static Result of(ActionResult result) {
      return new Result(result.outcome().name().toLowerCase(java.util.Locale.ROOT),
          result.at().toString(), boxed(result.before()), boxed(result.after()),
          result.leaseExpiresAt().map(Object::toString).orElse(null), result.detail());
    }

    private static Double boxed(OptionalDouble value) {
      return value.isPresent() ? value.getAsDouble() : null;
    }
  }

  static AuditRecordView of(AuditRecord record) {
    AuditEvent event = record.event();
    Action action = event.action();
    return new AuditRecordView(record.seq(), event.at().toString(), event.stage().label(),
        event.actor(), action.id().value(), action.type().wireName(), action.target(),
        action.describe(), action.rule(), action.reason(), ActionLedger.facts(action),
        action.proposedAt().toString(), action.lease().toSeconds(), event.detail(),
        event.result().map(Result::of).orElse(null));
  }
}
