package dev.kelvin.actuators;

import dev.kelvin.core.action.SetpointAction;
import dev.kelvin.core.model.NodeMetric;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.CommandAck;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether the ack to a command in flight can be believed: its status and values agree, what
 * it reads back is a value the setpoint can take, and the lease it claims is no longer than
 * the one asked for. Pure: time comes in as arguments.
 *
 * <p>The lease is checked twice. By the agent's own clock: an agent grants the asked lease
 * from the instant it applies the command and stamps its ack with that instant, so
 * {@code lease_expires_ts_ms - ts_ms} is never longer than the asked lease. By this
 * controller's clock: the agent applied the command before its ack arrived, so the lease ends
 * no later than the asked lease after the ack's arrival, plus the most a node's clock may run
 * ahead. An ack that fails either is refused, not clamped: a clamped ack would still complete
 * the command with whatever it reads back, so a forger that inflates the lease would win the
 * race against the real agent; refused, the command stays in flight for the real answer.
 */
final class AckChecks {
  /** Commands carry the lease in seconds with decimals; the round trip may add a millisecond. */
  private static final Duration WIRE_ROUNDING = Duration.ofMillis(1);

  /** Why an ack was refused. */
  record Refused(AckRefusal reason, String why) {}

  private AckChecks() {}

  /**
   * @param receivedAt when the ack arrived, by this controller's clock
   * @param maxClockSkew how far a node's clock may run ahead of this controller's
   */
  static Optional<Refused> check(SetpointAction action, CommandAck ack, Instant receivedAt,
      Duration maxClockSkew) {
    Optional<String> inconsistency = inconsistency(action, ack);
    if (inconsistency.isPresent()) {
      return Optional.of(new Refused(AckRefusal.INCONSISTENT, inconsistency.get()));
    }
    return leaseTooLong(action, ack, receivedAt, maxClockSkew)
        .map(why -> new Refused(AckRefusal.LEASE_TOO_LONG, why));
  }

  private static Optional<String> inconsistency(SetpointAction action, CommandAck ack) {
    String status = "status " + ack.status().label();
    switch (ack.status()) {
      case APPLIED -> {
        if (ack.after().isEmpty()) {
          return Optional.of(status + " without a read-back ('after'): an agent reads every"
              + " setpoint back after applying it");
        }
        return outOfRange(action, "before", ack.before())
            .or(() -> outOfRange(action, "after", ack.after()));
      }
      case REJECTED, FAILED -> {
        if (ack.leaseExpiresAt().isPresent()) {
          return Optional.of(status + " with a lease until " + ack.leaseExpiresAt().get()
              + ": a command that was not applied grants no lease");
        }
        if (ack.status() == CommandAck.Status.REJECTED && ack.after().isPresent()) {
          return Optional.of(status + " with a read-back ('after') of "
              + SetpointCommands.format(ack.after().getAsDouble()) + " "
              + action.kind().unit() + ": a rejected command changed nothing");
        }
        return Optional.empty();
      }
      default -> throw new AssertionError(ack.status());
    }
  }

  /** Why a read-back is no value the setpoint can take, e.g. kHz where MHz belong. */
  private static Optional<String> outOfRange(SetpointAction action, String field,
      OptionalDouble value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    NodeMetric metric = action.kind().inForceMetric();
    try {
      metric.check(value.getAsDouble());
      return Optional.empty();
    } catch (ValidationException e) {
      return Optional.of("'" + field + "' is no value " + metric.wireName() + " can take: "
          + e.getMessage());
    }
  }

  private static Optional<String> leaseTooLong(SetpointAction action, CommandAck ack,
      Instant receivedAt, Duration maxClockSkew) {
    if (ack.status() != CommandAck.Status.APPLIED || ack.leaseExpiresAt().isEmpty()) {
      return Optional.empty();
    }
    Instant until = ack.leaseExpiresAt().get();
    Duration asked = action.lease();
    Duration granted = Duration.between(ack.at(), until);
    if (granted.compareTo(asked.plus(WIRE_ROUNDING)) > 0) {
      return Optional.of("lease until " + until + " runs " + SetpointCommands.format(granted)
          + " from the ack's own time " + ack.at() + ", but the command asked for "
          + SetpointCommands.format(asked));
    }
    Instant latest = receivedAt.plus(asked).plus(maxClockSkew).plus(WIRE_ROUNDING);
    if (until.isAfter(latest)) {
      return Optional.of("lease until " + until + " ends "
          + SetpointCommands.format(Duration.between(receivedAt.plus(asked), until))
          + " after the asked " + SetpointCommands.format(asked) + " counted from the ack's"
          + " arrival at " + receivedAt + ", more than the "
          + SetpointCommands.format(maxClockSkew) + " a node's clock may run ahead of this"
          + " controller's");
    }
    return Optional.empty();
  }
}
