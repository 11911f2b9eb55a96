package dev.kelvin.core.wire;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A node agent's answer to a {@link NodeCommand}: whether it applied the setpoint, the value
 * read back from the hardware before and after, when the lease now runs out, and a message.
 */
public record CommandAck(String id, Status status, OptionalDouble before, OptionalDouble after,
    Optional<Instant> leaseExpiresAt, Instant at, String message) {

  /** What the agent did. */
  public enum Status {
    /** Applied (clamped to the hardware's limits if needed) and read back. */
    APPLIED,
    /** Refused: unsupported setpoint, malformed command, lease too long. */
    REJECTED,
    /** The hardware write or read-back failed. */
    FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public CommandAck {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(message, "message");
  }
}
