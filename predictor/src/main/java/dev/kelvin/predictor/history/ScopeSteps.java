package dev.kelvin.predictor.history;

import dev.kelvin.core.prediction.ForecastScope;
import java.util.Objects;
import java.util.Optional;

/**
 * The history of one scope read back: one value per step from {@code firstStep} (a step index,
 * {@code epochMillis / stepMillis}), NaN where the step had no data, never 0.
 *
 * @param power the node's mean power per step, or the site's total (W)
 * @param utilization the node's mean CPU utilisation per step, or the mean over the site's
 *     nodes read in the same request (ratio); empty when none reported it
 */
public record ScopeSteps(ForecastScope scope, long firstStep, float[] power,
    Optional<float[]> utilization) implements ScopeHistory {
  public ScopeSteps {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(power, "power");
    Objects.requireNonNull(utilization, "utilization");
  }
}
