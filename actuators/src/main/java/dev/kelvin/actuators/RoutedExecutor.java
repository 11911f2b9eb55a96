package dev.kelvin.actuators;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.port.ActionExecutor;
import java.util.Objects;

/**
 * An executor for some kinds of action only, such as the workload manager's: {@link #handles}
 * says which. {@link #before} puts it in front of the executor that takes the rest.
 */
public interface RoutedExecutor extends ActionExecutor {
  /** Whether this executor carries out {@code action}. */
  boolean handles(Action action);

  /** An executor that sends what this one handles here and everything else to {@code rest}. */
  default ActionExecutor before(ActionExecutor rest) {
    Objects.requireNonNull(rest, "rest");
    return action -> handles(action) ? execute(action) : rest.execute(action);
  }
}
