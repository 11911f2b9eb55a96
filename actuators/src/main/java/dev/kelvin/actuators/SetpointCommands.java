package dev.kelvin.actuators;

import dev.kelvin.core.model.Numbers;
import dev.kelvin.core.action.ActionResult;
import dev.kelvin.core.action.ActionResult.Outcome;
import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.validation.WireText;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * Maps a setpoint action to the command a node agent understands, and the agent's answer (or
 * its silence) back to an {@link ActionResult} whose detail an operator can act on.
 */
final class SetpointCommands {
  /** Read-back values further than this fraction from the value asked count as clamped. */
  static final double CLAMP_TOLERANCE = 0.005;
  /** The most characters of an agent's message kept in a result (and so in the audit log). */
  static final int MAX_AGENT_MESSAGE_CHARS = 300;

  private SetpointCommands() {}

  /** The command for {@code action}, issued at {@code issuedAt}; its id is the action's id. */
  static NodeCommand command(SetpointAction action, Instant issuedAt) {
    return new NodeCommand(action.id().value(), action.kind(), action.device(), action.value(),
        action.lease(), issuedAt, action.rule());
  }

  /** The result of {@code action} from the agent's {@code ack}, received at {@code at}. */
  static ActionResult result(SetpointAction action, CommandAck ack, Instant at) {
    Outcome outcome = switch (ack.status()) {
      case APPLIED -> Outcome.APPLIED;
      case REJECTED -> Outcome.REJECTED;
      case FAILED -> Outcome.FAILED;
    };
    return new ActionResult(action.id(), outcome, at, ack.before(), ack.after(),
        ack.leaseExpiresAt(), detail(action, ack));
  }

  /** The result when no ack came within {@code waited}. */
  static ActionResult timedOut(SetpointAction action, Duration waited, Instant at) {
    return ActionResult.of(action.id(), Outcome.TIMED_OUT, at, "no ack from " + action.node()
        + " within " + format(waited) + ": is its agent running? (" + action.describe()
        + " may or may not be in force)");
  }

  /** The result's detail, which the audit log records: the agent's words cut and escaped. */
  private static String detail(SetpointAction action, CommandAck ack) {
    String node = action.node().toString();
    String says = WireText.shown(ack.message(), MAX_AGENT_MESSAGE_CHARS);
    String agentSays = ack.message().isBlank() ? "" : "; agent: " + says;
    return switch (ack.status()) {
      case APPLIED -> applied(action, ack) + agentSays;
      case REJECTED -> node + " rejected " + action.describe() + ": "
          + (ack.message().isBlank() ? "the agent gave no reason" : says);
      case FAILED -> node + " failed to apply " + action.describe() + ": "
          + (ack.message().isBlank() ? "the agent gave no reason" : says);
    };
  }

  private static String applied(SetpointAction action, CommandAck ack) {
    String unit = " " + action.kind().unit();
    String node = action.node().toString();
    OptionalDouble after = ack.after();
    if (after.isEmpty()) {
      return node + " applied " + action.describe() + " but read back no value";
    }
    double asked = action.value();
    double got = after.getAsDouble();
    String was = ack.before().isPresent()
        ? " (was " + format(ack.before().getAsDouble()) + unit + ")" : "";
    if (Math.abs(got - asked) > asked * CLAMP_TOLERANCE) {
      return node + " applied " + format(got) + unit + ", not the " + format(asked) + unit
          + " asked: its " + (got > asked ? "minimum" : "maximum") + was;
    }
    return node + " applied " + action.describe() + was
        + ack.leaseExpiresAt().map(until -> " until " + until).orElse("");
  }

  /** A value as an operator reads it: no decimals when whole, one otherwise. */
  static String format(double value) {
    return Numbers.plain(value, 1);
  }

  /** A duration as an operator reads it: {@code 5 s}, {@code 1.5 s} or {@code 250 ms}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    return format(millis / 1000.0) + " s";
  }
}
