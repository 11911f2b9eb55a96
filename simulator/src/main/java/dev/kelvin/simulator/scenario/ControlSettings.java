package dev.kelvin.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * How the scenario is controlled.
 *
 * @param interval how often the control loop ticks, in simulated time
 * @param policy {@code none} (no control loop), {@code default} (the rules Kelvin ships) or a
 *     rules directory (its absolute path once {@link ScenarioReader} has found it)
 */
public record ControlSettings(Duration interval, String policy) {
  public static final String NONE = "none";
  public static final String DEFAULT = "default";

  public ControlSettings {
    Objects.requireNonNull(policy, "policy");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the control interval must be > 0, was " + interval);
    }
  }

  public boolean enabled() {
    return !NONE.equals(policy);
  }

  public ControlSettings withPolicy(String other) {
    return new ControlSettings(interval, other);
  }
}
