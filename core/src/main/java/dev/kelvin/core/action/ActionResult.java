package dev.kelvin.core.action;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What came of carrying out an action: the outcome, the setpoint read back before and after
 * (for setpoint actions), when the node's lease now runs out, and a detail a person can act on.
 */
public record ActionResult(ActionId id, Outcome outcome, Instant at, OptionalDouble before,
    OptionalDouble after, Optional<Instant> leaseExpiresAt, String detail) {

  /** How it ended. Only {@link #APPLIED} means the hardware is now as the action asked. */
  public enum Outcome {
    /** Done and read back. */
    APPLIED,
    /** The target refused it (out of its limits, say). */
    REJECTED,
    /** No answer within the configured time; the state of the target is unknown. */
    TIMED_OUT,
    /** The attempt failed (broker down, command error). */
    FAILED,
    /** No actuator in this deployment carries out this kind of action. */
    UNSUPPORTED
  }

  public ActionResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    Objects.requireNonNull(detail, "detail");
  }

  /** A result without read-back values: for failures and for actions that have none. */
  public static ActionResult of(ActionId id, Outcome outcome, Instant at, String detail) {
    return new ActionResult(id, outcome, at, OptionalDouble.empty(), OptionalDouble.empty(),
        Optional.empty(), detail);
  }

  public boolean applied() {
    return outcome == Outcome.APPLIED;
  }
}
