package dev.kelvin.policy.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * How strict the {@link SafetyGuard} is: whether approved actions run or only show what would
 * run, the least time between two setpoints of the same kind on the same node, and the longest
 * lease a setpoint may ask for.
 */
public record GuardSettings(Mode mode, Duration minDwell, Duration maxLease) {

  /** Whether approved actions are carried out. */
  public enum Mode {
    /** Approved actions are carried out. */
    AUTO,
    /** Nothing is carried out; what would have been approved is reported as a dry run. */
    DRY_RUN
  }

  public GuardSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(minDwell, "minDwell");
    Objects.requireNonNull(maxLease, "maxLease");
    if (minDwell.isNegative()) {
      throw new IllegalArgumentException("minDwell must be >= 0, was " + minDwell
          + " (use Duration.ZERO for no dwell time)");
    }
    if (maxLease.isNegative() || maxLease.isZero()) {
      throw new IllegalArgumentException("maxLease must be a positive duration, was " + maxLease
          + ": every setpoint needs a lease so that a dead controller cannot leave it in force");
    }
  }

  /** Carry actions out, 20 s dwell per node and setpoint, leases of at most 10 minutes. */
  public static GuardSettings defaults() {
    return new GuardSettings(Mode.AUTO, Duration.ofSeconds(20), Duration.ofMinutes(10));
  }

  /** The same settings in {@code newMode}. */
  public GuardSettings withMode(Mode newMode) {
    return new GuardSettings(newMode, minDwell, maxLease);
  }
}
