package dev.kelvin.policy.guard;

import dev.kelvin.core.action.ActionType;
import java.time.Duration;
import java.util.Objects;

/**
 * How strict the {@link SafetyGuard} is: whether approved actions run or only show what would
 * run, the mode of each action type, the least time between two setpoints of the same kind on
 * the same node, the longest lease a setpoint may ask for, the cluster-wide rate limits, and
 * how long an action the guard let through makes an identical one a duplicate.
 *
 * @param mode {@link Mode#DRY_RUN} turns every action that would run automatically into a dry
 *     run; actions whose type needs approval are still held
 * @param modes what passes the checks does, per action type
 * @param repeatAfter how long a drain, suspend, resume, wake, migration, failover or notice
 *     the guard let through makes an identical one (same type, target and value) a duplicate
 */
public record GuardSettings(Mode mode, Duration minDwell, Duration maxLease, ModeTable modes,
    RateLimits rates, Duration repeatAfter) {

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
    Objects.requireNonNull(modes, "modes");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(repeatAfter, "repeatAfter");
    if (minDwell.isNegative()) {
      throw new IllegalArgumentException("minDwell must be >= 0, was " + minDwell
          + " (use Duration.ZERO for no dwell time)");
    }
    if (maxLease.isNegative() || maxLease.isZero()) {
      throw new IllegalArgumentException("maxLease must be a positive duration, was " + maxLease
          + ": every setpoint needs a lease so that a dead controller cannot leave it in force");
    }
    if (repeatAfter.isNegative()) {
      throw new IllegalArgumentException("repeat_after must be >= 0, was " + repeatAfter
          + " (0s refuses duplicates within one tick only)");
    }
  }

  /** {@code mode}, dwell and lease with every other setting at its default. */
  public GuardSettings(Mode mode, Duration minDwell, Duration maxLease) {
    this(mode, minDwell, maxLease, ModeTable.defaults(), RateLimits.defaults(),
        DEFAULT_REPEAT_AFTER);
  }

  /** An identical non-setpoint action is a duplicate for 10 minutes after one passed. */
  public static final Duration DEFAULT_REPEAT_AFTER = Duration.ofMinutes(10);

  /**
   * Carry actions out, 20 s dwell per node and setpoint, leases of at most 10 minutes, the
   * {@linkplain ModeTable#defaults() default modes} and {@linkplain RateLimits#defaults() rate
   * limits}.
   */
  public static GuardSettings defaults() {
    return new GuardSettings(Mode.AUTO, Duration.ofSeconds(20), Duration.ofMinutes(10));
  }

  /** The same settings in {@code newMode}. */
  public GuardSettings withMode(Mode newMode) {
    return new GuardSettings(newMode, minDwell, maxLease, modes, rates, repeatAfter);
  }

  /** The same settings with {@code newModes}. */
  public GuardSettings withModes(ModeTable newModes) {
    return new GuardSettings(mode, minDwell, maxLease, newModes, rates, repeatAfter);
  }

  /** The same settings with {@code newRates}. */
  public GuardSettings withRates(RateLimits newRates) {
    return new GuardSettings(mode, minDwell, maxLease, modes, newRates, repeatAfter);
  }

  /** The same settings with every action type automatic: what simulated outcome runs use. */
  public GuardSettings allAutomatic() {
    return withModes(ModeTable.all(ActionMode.AUTOMATIC));
  }

  /** What an action of {@code type} that passed every check does, {@link #mode()} applied. */
  public ActionMode modeOf(ActionType type) {
    ActionMode configured = modes.of(type);
    return mode == Mode.DRY_RUN && configured == ActionMode.AUTOMATIC ? ActionMode.DRY_RUN
        : configured;
  }
}
