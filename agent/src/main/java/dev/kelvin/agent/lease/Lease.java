package dev.kelvin.agent.lease;

import dev.kelvin.core.model.SetpointKind;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A setpoint a controller holds on this node: the command that set it, the rule behind that
 * command, the value the hardware read back, and when it reverts to the hardware default
 * unless renewed.
 *
 * @param value the setpoint read back from the hardware, in {@link SetpointKind#unit()}
 */
public record Lease(String commandId, String rule, SetpointKind kind, OptionalInt device,
    double value, Instant expiresAt) {
  public Lease {
    Objects.requireNonNull(commandId, "commandId");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Whether the lease has run out at {@code now} (it expires at its instant, not after it). */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  Lease renewed(double readBack, Instant newExpiry) {
    return new Lease(commandId, rule, kind, device, readBack, newExpiry);
  }

  /** The setpoint as people read it, e.g. {@code gpu_power_limit_w on gpu 1}. */
  String setpoint() {
    return SetpointText.name(kind, device);
  }
}
