package dev.kelvin.app.controller;

import dev.kelvin.app.models.ModelServing;
import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.predictor.forecast.PowerForecaster;
import java.util.Objects;
import java.util.Optional;

/**
 * What the controller assembly is given rather than builds: how it reaches the broker, where
 * its time comes from, the compiled rules, the power model trained at start when asked (slow
 * to make, so the demo makes them while its broker starts; the rules number the actions they
 * propose), and where the model files it serves come from.
 *
 * @param forecaster the power model trained at start; empty when not asked for
 * @param models the model files served every tick, reloaded when they change
 */
public record ControllerParts(MqttTransport transport, Schedulers schedulers, RulePolicy rules,
    Optional<PowerForecaster> forecaster, ModelServing models) {
  public ControllerParts {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(schedulers, "schedulers");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(models, "models");
  }

  /** Parts without model files: only the power model, if any, predicts. */
  public ControllerParts(MqttTransport transport, Schedulers schedulers, RulePolicy rules,
      Optional<PowerForecaster> forecaster) {
    this(transport, schedulers, rules, forecaster, ModelServing.none());
  }
}
