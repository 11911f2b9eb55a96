package dev.kelvin.core.lease;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The term of a lease on a setpoint: granted at an instant for a length. The one place that
 * says when a lease has run out (at its expiry instant, not after it) and when its holder
 * should renew it (once half of it has run), used by the node agent, which reverts a setpoint
 * when its lease runs out, and by the control loop, which renews what it still wants held.
 */
public record LeaseTerm(Instant grantedAt, Duration length) {
  public LeaseTerm {
    Objects.requireNonNull(grantedAt, "grantedAt");
    Objects.requireNonNull(length, "length");
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("a lease needs a positive length, was " + length
          + ": a setpoint held without one would outlive a dead controller");
    }
  }

  /** The term that ends at {@code expiresAt} after running {@code length}. */
  public static LeaseTerm endingAt(Instant expiresAt, Duration length) {
    return new LeaseTerm(expiresAt.minus(length), length);
  }

  public Instant expiresAt() {
    return grantedAt.plus(length);
  }

  /** Whether the lease has run out at {@code now}: it expires at its instant, not after it. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt());
  }

  /** When the holder should renew it: once half of it has run. */
  public Instant renewalDueAt() {
    return expiresAt().minus(length.dividedBy(2));
  }

  /** Whether it is time to renew at {@code now} (and it has not run out yet). */
  public boolean renewalDueAt(Instant now) {
    return !now.isBefore(renewalDueAt()) && !expiredAt(now);
  }

  /** The same length, granted again at {@code now}. */
  public LeaseTerm renewedAt(Instant now) {
    return new LeaseTerm(now, length);
  }

  /** A new term of {@code newLength} granted at {@code now}. */
  public static LeaseTerm grantedAt(Instant now, Duration newLength) {
    return new LeaseTerm(now, newLength);
  }
}
