package dev.kelvin.agent.lease;

import dev.kelvin.core.lease.LeaseTerm;
import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A setpoint a controller holds on this node: the command that set it, the rule behind that
 * command, the value asked for and the value the hardware read back, the instant later
 * commands are ordered against, and when it reverts to the hardware default unless renewed.
 *
 * @param requestedValue the value the command asked for, before clamping to the hardware's
 *     limits, in {@link SetpointKind#unit()}: a renewal is a command with the same id and this
 *     value
 * @param value the setpoint read back from the hardware, in {@link SetpointKind#unit()}
 * @param orderedAt the instant that orders later commands for this setpoint: when the newest
 *     command behind this lease (the one that set it, or a later renewal) was issued, but never
 *     later than when this agent received it (see {@link IssueTimes}); a command issued before
 *     it is out of order and refused
 * @param term when the lease was granted (or last renewed) and for how long
 */
public record Lease(String commandId, String rule, SetpointKind kind, Optional<Device> device,
    double requestedValue, double value, Instant orderedAt, LeaseTerm term) {
  public Lease {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(orderedAt, "orderedAt");
    Objects.requireNonNull(term, "term");
  }

  /** When the setpoint reverts unless renewed. */
  public Instant expiresAt() {
    return term.expiresAt();
  }

  /** Whether the lease has run out at {@code now} (see {@link LeaseTerm#expiredAt}). */
  public boolean expiredAt(Instant now) {
    return term.expiredAt(now);
  }

  /** The lease renewed by a command that orders later ones from {@code renewalOrderedAt}. */
  Lease renewed(double readBack, Instant renewalOrderedAt, LeaseTerm newTerm) {
    Instant newest = renewalOrderedAt.isAfter(orderedAt) ? renewalOrderedAt : orderedAt;
    return new Lease(commandId, rule, kind, device, requestedValue, readBack, newest, newTerm);
  }

  /** The setpoint as people read it, e.g. {@code gpu_power_limit_w on gpu 1}. */
  String setpoint() {
    return SetpointText.name(kind, device);
  }
}
