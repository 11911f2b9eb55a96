package dev.kelvin.policy;

import dev.kelvin.core.config.ConfigTree;
import java.time.Duration;
import java.util.Objects;

/**
 * How the failure-risk rules act on a predicted node failure: the probability at which a node
 * is drained, the higher one at which its jobs are also checkpointed and moved, the lead time
 * that move needs (a prediction whose horizon is shorter leaves too little time to write a
 * checkpoint), and when a node Kelvin drained is resumed: its risk below the resume probability,
 * after it has stayed drained for the hold time. The gap between drain and resume probability
 * is the hysteresis that keeps a node near the threshold from flapping.
 */
public record FailureSettings(double drainProbability, double migrateProbability,
    Duration migrateLeadTime, double resumeProbability, Duration resumeHold) {

  public FailureSettings {
    requireProbability("drainProbability", drainProbability);
    requireProbability("migrateProbability", migrateProbability);
    requireProbability("resumeProbability", resumeProbability);
    if (migrateProbability < drainProbability) {
      throw new IllegalArgumentException("migrateProbability (" + migrateProbability
          + ") must be >= drainProbability (" + drainProbability + "): a node whose jobs are"
          + " moved away must also be drained, or new jobs would land on it");
    }
    if (!(resumeProbability < drainProbability)) {
      throw new IllegalArgumentException("resumeProbability (" + resumeProbability
          + ") must be below drainProbability (" + drainProbability + "), or a node near the"
          + " threshold would be drained and resumed on alternate ticks");
    }
    requireNotNegative("migrateLeadTime", migrateLeadTime);
    requireNotNegative("resumeHold", resumeHold);
  }

  /** Drain at 0.5, migrate at 0.8 with 10 min lead time, resume under 0.2 after 30 min. */
  public static FailureSettings defaults() {
    return new FailureSettings(0.5, 0.8, Duration.ofMinutes(10), 0.2, Duration.ofMinutes(30));
  }

  /** The settings under {@code policy.failure} ({@code section} is that section). */
  public static FailureSettings from(ConfigTree section) {
    FailureSettings defaults = defaults();
    double drain = section.decimal("drain_probability", defaults.drainProbability, 0, 1);
    double migrate = section.decimal("migrate_probability", defaults.migrateProbability, 0, 1);
    Duration lead = section.duration("migrate_lead_time", defaults.migrateLeadTime);
    double resume = section.decimal("resume_probability", defaults.resumeProbability, 0, 1);
    Duration hold = section.duration("resume_hold", defaults.resumeHold);
    return section.build(() -> new FailureSettings(drain, migrate, lead, resume, hold));
  }

  /** The lead time in seconds, as the rules compare it with a prediction's horizon. */
  public double migrateLeadSeconds() {
    return migrateLeadTime.toMillis() / 1000.0;
  }

  /** The hold time in seconds. */
  public double resumeHoldSeconds() {
    return resumeHold.toMillis() / 1000.0;
  }

  static void requireProbability(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be a probability within 0..1, was "
          + value + " (a percentage? write 0.5 for 50 %)");
    }
  }

  static void requireNotNegative(String field, Duration value) {
    Objects.requireNonNull(value, field);
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must be a duration >= 0, was " + value);
    }
  }
}
