package dev.kelvin.agent.lease;

import dev.kelvin.core.wire.NodeCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the agent trusts a command's issue time ({@code issued_ts_ms}, the controller's
 * clock), judged against its own clock and {@code maxClockSkew}, the most the two clocks may
 * disagree by.
 *
 * <ul>
 *   <li>A command issued more than the skew ahead of the agent's clock is refused
 *       ({@link Refusal#ISSUED_IN_FUTURE}): no clock within the skew could have stamped it.
 *   <li>A command issued longer ago than its lease plus the skew is refused ({@link
 *       Refusal#STALE}): its lease would be over even on a clock the skew behind, so applying
 *       it now (delayed, or replayed) would carry out a decision that has lapsed.
 *   <li>Order: an accepted command orders the later commands for its setpoint from its issue
 *       time, but never from later than the moment the agent received it ({@link
 *       #orderedAt}); a command issued before that is refused ({@link Refusal#OUT_OF_ORDER}).
 *       So a command stamped ahead of the agent's clock, even one within the skew, holds no
 *       claim on the future: the controller's next command, issued on a clock at most the
 *       skew behind the agent's, is in order again at most the skew after the stamped one
 *       arrived, and at once when the clocks agree.
 * </ul>
 *
 * <p>Instants exactly at a limit are accepted. Stateless and thread-safe.
 */
final class IssueTimes {
  private final Duration maxClockSkew;

  IssueTimes(Duration maxClockSkew) {
    this.maxClockSkew = Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
      throw new IllegalArgumentException("maxClockSkew must be a positive duration, was "
          + maxClockSkew + ": with no skew allowed a controller clock a millisecond ahead"
          + " would have every command refused");
    }
  }

  /** Why {@code command}, received at {@code now}, cannot be trusted; empty when it can. */
  Optional<Refused> check(NodeCommand command, Instant now) {
    Instant issued = command.issuedAt();
    if (issued.isAfter(now.plus(maxClockSkew))) {
      return Optional.of(new Refused(Refusal.ISSUED_IN_FUTURE, "command " + command.id()
          + " was issued at " + issued + ", " + seconds(Duration.between(now, issued))
          + " s ahead of this node's clock (" + now + "); this agent accepts commands issued at"
          + " most " + seconds(maxClockSkew) + " s ahead (max_clock_skew): a forged or corrupt"
          + " issued_ts_ms, or a controller clock far off (check NTP on both)"));
    }
    if (lapsesAt(command).isBefore(now)) {
      return Optional.of(new Refused(Refusal.STALE, "command " + command.id() + " was issued"
          + " at " + issued + ", " + seconds(Duration.between(issued, now)) + " s before this"
          + " node's clock (" + now + "), longer ago than its lease of "
          + seconds(command.lease()) + " s plus the " + seconds(maxClockSkew) + " s clock skew"
          + " allowed (max_clock_skew): a delayed or replayed command whose lease would be over;"
          + " send a new command"));
    }
    return Optional.empty();
  }

  /**
   * Why {@code command} may not replace or renew {@code held}: it was issued before the
   * command behind it ({@link Lease#orderedAt()}); empty when in order or nothing is held.
   */
  static Optional<Refused> outOfOrder(NodeCommand command, Lease held) {
    if (held == null || !command.issuedAt().isBefore(held.orderedAt())) {
      return Optional.empty();
    }
    return Optional.of(new Refused(Refusal.OUT_OF_ORDER, "command " + command.id() + " was"
        + " issued at " + command.issuedAt() + ", before " + held.orderedAt() + " when command "
        + held.commandId() + " (rule " + held.rule() + ") set the " + held.setpoint() + " held"
        + " now: an out-of-order or replayed command must not undo a newer decision; send a new"
        + " command to change it"));
  }

  /**
   * The instant that orders later commands after {@code issuedAt}, received at
   * {@code receivedAt}: the issue time, or the receipt when the command was stamped later.
   */
  static Instant orderedAt(Instant issuedAt, Instant receivedAt) {
    return issuedAt.isAfter(receivedAt) ? receivedAt : issuedAt;
  }

  /** The last instant at which {@code command} is not yet stale: issue time, lease, skew. */
  Instant lapsesAt(NodeCommand command) {
    return command.issuedAt().plus(command.lease()).plus(maxClockSkew);
  }

  private static String seconds(Duration duration) {
    return SetpointText.number(duration.toMillis() / 1000.0);
  }
}
