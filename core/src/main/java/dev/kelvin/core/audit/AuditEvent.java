package dev.kelvin.core.audit;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened to an action: who ({@code actor}: the controller, or an operator's
 * name), at which stage, with a detail and, once carried out, the result read back.
 */
public record AuditEvent(Instant at, AuditStage stage, Action action, String actor,
    String detail, Optional<ActionResult> result) {
  /** The actor for everything the controller does on its own. */
  public static final String CONTROLLER = "kelvin";

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(result, "result");
  }

  public static AuditEvent of(Instant at, AuditStage stage, Action action, String detail) {
    return new AuditEvent(at, stage, action, CONTROLLER, detail, Optional.empty());
  }

  public static AuditEvent ofResult(AuditStage stage, Action action, ActionResult result) {
    return new AuditEvent(result.at(), stage, action, CONTROLLER, result.detail(),
        Optional.of(result));
  }
}
