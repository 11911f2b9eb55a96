package dev.kelvin.core.loop;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.audit.AuditEvent;
import dev.kelvin.core.audit.AuditStage;
import dev.kelvin.core.port.ActionExecutor;
import dev.kelvin.core.port.AuditLog;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * How the loop carries an action out, the one way for new actions, renewals and approved
 * actions alike: the record of intent first, then the executor, then the result audited (and
 * the lease keeper told of setpoints sent and settled). An action whose record of intent the
 * audit log cannot take is not sent but settled as failed.
 */
final class Dispatch {
  private static final System.Logger LOG = System.getLogger(Dispatch.class.getName());

  private final AuditLog audit;
  private final ActionExecutor executor;
  private final LeaseKeeper leases;
  private final InstantSource clock;

  Dispatch(AuditLog audit, ActionExecutor executor, LeaseKeeper leases, InstantSource clock) {
    this.audit = audit;
    this.executor = executor;
    this.leases = leases;
    this.clock = clock;
  }

  /**
   * Appends the record of intent, then sends its action, or does not when the record could not
   * be written (audited as failed); true when sent.
   */
  boolean carryOut(AuditEvent intent, AuditStage onSuccess) {
    return carryOut(intent, onSuccess, result -> { });
  }

  /** As {@link #carryOut(AuditEvent, AuditStage)}; {@code onResult} hears the final result. */
  boolean carryOut(AuditEvent intent, AuditStage onSuccess,
      Consumer<ActionResult> onResult) {
    Action action = intent.action();
    Optional<String> unrecorded = recordIntent(intent);
    if (unrecorded.isPresent()) {
      settle(action, onSuccess, ActionResult.of(action.id(), ActionResult.Outcome.FAILED,
          clock.instant(), "not sent: its " + intent.stage().label() + " record could not be"
              + " written to the audit log (" + unrecorded.get() + "); nothing is carried out"
              + " without its record"), null, onResult);
      return false;
    }
    dispatch(action, onSuccess, onResult);
    return true;
  }

  /** Appends {@code intent}; why it did not reach the log's storage, if it did not. */
  private Optional<String> recordIntent(AuditEvent intent) {
    try {
      audit.append(intent);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "could not audit " + intent.action().id(), e);
      return Optional.of(e.toString());
    }
    return audit.writing() ? Optional.empty()
        : Optional.of("kept in memory until the log can be written again");
  }

  private void dispatch(Action action, AuditStage onSuccess, Consumer<ActionResult> onResult) {
    if (action instanceof SetpointAction setpoint) {
      leases.sending(setpoint);
    }
    CompletionStage<ActionResult> stage;
    try {
      stage = executor.execute(action);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete((result, error) -> {
      try {
        settle(action, onSuccess, result, error, onResult);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "could not record the result of " + action.id()
            + " (" + action.describe() + " on " + action.target() + ")", e);
      }
    });
  }

  private void settle(Action action, AuditStage onSuccess, ActionResult result, Throwable error,
      Consumer<ActionResult> onResult) {
    ActionResult outcome = error == null && result != null ? result
        : ActionResult.of(action.id(), ActionResult.Outcome.FAILED, clock.instant(),
            "executor failed: " + (error == null ? "no result" : error));
    if (action instanceof SetpointAction setpoint) {
      leases.settled(setpoint, outcome);
    }
    onResult.accept(outcome);
    appendResult(
        AuditEvent.ofResult(outcome.applied() ? onSuccess : AuditStage.FAILED, action, outcome),
        action);
  }

  /** Appends a record that nothing waits on; a log that refuses it is logged, not thrown. */
  void appendResult(AuditEvent event, Action action) {
    try {
      audit.append(event);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "could not audit " + event.stage().label() + " of "
          + action.id() + " (" + action.describe() + " on " + action.target() + ")", e);
    }
  }
}
