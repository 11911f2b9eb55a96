package dev.kelvin.core.loop;

import dev.kelvin.core.action.SetpointAction;
import java.time.Instant;
import java.util.Objects;

/**
 * A setpoint the control loop held and gave up: it renews it no more, so the node reverts to
 * its default when the lease runs out (at {@code leaseEndsAt}, or already did). Every lapse is
 * audited with its {@link #detail}.
 *
 * @param action the setpoint as last applied or renewed
 * @param reason why, for counting and throttled logging
 * @param why why, in words a person can act on
 * @param leaseEndsAt when the node's lease runs out
 */
record Lapse(SetpointAction action, LapseReason reason, String why, Instant leaseEndsAt) {
  Lapse {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(leaseEndsAt, "leaseEndsAt");
  }

  /** The audit detail at {@code now}: the reason, then what becomes of the node. */
  String detail(Instant now) {
    String node = now.isBefore(leaseEndsAt)
        ? "the node reverts to its default when the lease runs out at " + leaseEndsAt
        : "the node reverted to its default when the lease ran out at " + leaseEndsAt;
    return "no longer held (" + reason.label() + "): " + why + "; " + node;
  }
}
