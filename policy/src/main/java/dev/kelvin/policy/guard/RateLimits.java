package dev.kelvin.policy.guard;

import dev.kelvin.core.action.ActionType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Cluster-wide rate limits: at most {@code perWindow.get(type)} actions of a type pass the guard
 * in any {@code window} of snapshot time, like Slurm's SuspendRate and ResumeRate. A type
 * without an entry (or with 0) has no cluster-wide limit.
 */
public record RateLimits(Duration window, Map<ActionType, Integer> perWindow) {

  public RateLimits {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(perWindow, "perWindow");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate_window must be a positive duration, was "
          + window + " (e.g. 1m: at most N actions of a type per minute)");
    }
    EnumMap<ActionType, Integer> copy = new EnumMap<>(ActionType.class);
    perWindow.forEach((type, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("the rate limit of " + type.wireName()
            + " must be >= 0 actions per window, was " + count + " (0 means no limit)");
      }
      if (count > 0) {
        copy.put(type, count);
      }
    });
    perWindow = Collections.unmodifiableMap(copy);
  }

  /**
   * Per minute: 20 drains, 60 suspends and 300 resumes or wakes (Slurm's SuspendRate and
   * ResumeRate defaults), 10 migrations, 120 job holds and 300 releases (a hold only delays
   * a deferrable job within its deadline; a release only undoes one), 1 failover, 60 notices;
   * setpoints have no cluster-wide limit (the dwell time bounds each node, and a site over its
   * budget needs every node capped at once).
   */
  public static RateLimits defaults() {
    EnumMap<ActionType, Integer> limits = new EnumMap<>(ActionType.class);
    limits.put(ActionType.DRAIN_NODE, 20);
    limits.put(ActionType.SUSPEND_NODE, 60);
    limits.put(ActionType.RESUME_NODE, 300);
    limits.put(ActionType.WAKE_NODE, 300);
    limits.put(ActionType.MIGRATE_JOB, 10);
    limits.put(ActionType.HOLD_JOB, 120);
    limits.put(ActionType.RELEASE_JOB, 300);
    limits.put(ActionType.FAILOVER_SITE, 1);
    limits.put(ActionType.NOTIFY, 60);
    return new RateLimits(Duration.ofMinutes(1), limits);
  }

  /** No cluster-wide limit on any type. */
  public static RateLimits none() {
    return new RateLimits(Duration.ofMinutes(1), Map.of());
  }

  /** The built-in limit of {@code type} per minute, 0 for none. */
  public static int defaultOf(ActionType type) {
    return defaults().perWindow().getOrDefault(type, 0);
  }

  /** These limits with {@code type} at {@code count} per window (0: no limit). */
  public RateLimits with(ActionType type, int count) {
    EnumMap<ActionType, Integer> changed = new EnumMap<>(ActionType.class);
    changed.putAll(perWindow);
    changed.put(Objects.requireNonNull(type, "type"), count);
    return new RateLimits(window, changed);
  }

  /** The most actions of {@code type} per window, empty for no limit. */
  public OptionalInt of(ActionType type) {
    Integer count = perWindow.get(type);
    return count == null ? OptionalInt.empty() : OptionalInt.of(count);
  }
}
