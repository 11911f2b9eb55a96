package dev.kelvin.core.port;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.action.ActionResult;
import java.util.concurrent.CompletionStage;

/**
 * Carries out approved actions and reads the result back. Never blocks the caller on the
 * hardware: the stage completes when the target answers or the executor gives up. It
 * completes normally with a failed {@link ActionResult} rather than exceptionally where it can.
 * Executing an action again with the same id renews its lease.
 */
@FunctionalInterface
public interface ActionExecutor {
  CompletionStage<ActionResult> execute(Action action);
}
