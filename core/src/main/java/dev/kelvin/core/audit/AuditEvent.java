package dev.kelvin.core.audit;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.ClusterSnapshot;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One thing that happened to an action: who ({@code actor}: the controller, or an operator's
 * name), at which stage, with a detail and, once carried out, the result read back. For a
 * decision on a setpoint, {@code before} is the value in force when it was decided, as the
 * snapshot read it (empty when unknown, and for other actions); the value after is the
 * action's own ({@link SetpointAction#value()}), and the result reads both back.
 */
public record AuditEvent(Instant at, AuditStage stage, Action action, String actor,
    String detail, Optional<ActionResult> result, OptionalDouble before) {
  /** The actor for everything the controller does on its own. */
  public static final String CONTROLLER = "kelvin";

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(before, "before");
  }

  /** An event with no value recorded from before it. */
  public AuditEvent(Instant at, AuditStage stage, Action action, String actor, String detail,
      Optional<ActionResult> result) {
    this(at, stage, action, actor, detail, result, OptionalDouble.empty());
  }

  public static AuditEvent of(Instant at, AuditStage stage, Action action, String detail) {
    return new AuditEvent(at, stage, action, CONTROLLER, detail, Optional.empty());
  }

  public static AuditEvent ofResult(AuditStage stage, Action action, ActionResult result) {
    return new AuditEvent(result.at(), stage, action, CONTROLLER, result.detail(),
        Optional.of(result));
  }

  /**
   * The same event with {@code before} taken from {@code snapshot}: for a setpoint, the value
   * its node last reported in force (at the setpoint's device); unchanged for other actions.
   */
  public AuditEvent withBeforeFrom(ClusterSnapshot snapshot) {
    if (!(action instanceof SetpointAction setpoint)) {
      return this;
    }
    OptionalDouble inForce = snapshot.node(setpoint.node())
        .map(view -> view.latest(setpoint.kind().inForceMetric(), setpoint.device()))
        .orElse(OptionalDouble.empty());
    return new AuditEvent(at, stage, action, actor, detail, result, inForce);
  }
}
