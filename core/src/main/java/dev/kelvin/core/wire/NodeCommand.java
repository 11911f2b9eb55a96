package dev.kelvin.core.wire;

import dev.kelvin.core.model.Device;
import dev.kelvin.core.model.SetpointKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A setpoint command to a node agent: hold {@code value} of {@code kind} on {@code device} (or
 * the whole node) until {@code lease} after it is applied. Sending the same id again renews
 * the lease. {@code rule} travels along so that the node's own log says why.
 */
public record NodeCommand(String id, SetpointKind kind, Optional<Device> device, double value,
    Duration lease, Instant issuedAt, String rule) {
  public NodeCommand {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(rule, "rule");
    kind.requireDevice(device);
    if (id.isBlank()) {
      throw new IllegalArgumentException("command id must not be blank");
    }
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(kind.valueField() + " must be a finite number > 0 "
          + kind.unit() + ", was " + value);
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("a setpoint command needs a positive lease, was "
          + lease);
    }
  }
}
