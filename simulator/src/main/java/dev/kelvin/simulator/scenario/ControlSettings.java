package dev.kelvin.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the scenario is controlled.
 *
 * @param interval how often the control loop ticks, in simulated time
 * @param policy {@code none} (no control loop), {@code default} (the rules Kelvin ships) or a
 *     rules directory (its absolute path once {@link ScenarioReader} has found it)
 * @param models the model files the control loop's predictor serves (failure, anomaly), as
 *     written; absolute paths once {@link ScenarioReader} has found them; empty for none
 */
public record ControlSettings(Duration interval, String policy, List<String> models) {
  public static final String NONE = "none";
  public static final String DEFAULT = "default";

  public ControlSettings {
    Objects.requireNonNull(policy, "policy");
    models = List.copyOf(models);
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the control interval must be > 0, was " + interval);
    }
  }

  /** Control without models: the predictor predicts nothing. */
  public ControlSettings(Duration interval, String policy) {
    this(interval, policy, List.of());
  }

  public boolean enabled() {
    return !NONE.equals(policy);
  }

  public ControlSettings withModels(List<String> files) {
    return new ControlSettings(interval, policy, files);
  }

  public ControlSettings withPolicy(String other) {
    return new ControlSettings(interval, other, models);
  }
}
