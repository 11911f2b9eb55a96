package dev.kelvin.app.controller;

import dev.kelvin.actuators.RoutedExecutor;
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
 * @param workloadActions what carries out the workload manager's actions (drain, resume,
 *     requeue) in front of the node agents' MQTT commands; empty: those actions are audited as
 *     unsupported
 */
public record ControllerParts(MqttTransport transport, Schedulers schedulers, RulePolicy rules,
    Optional<PowerForecaster> forecaster, ModelServing models,
    Optional<RoutedExecutor> workloadActions) {
  public ControllerParts {
    Objects.requireNonNull(workloadActions, "workloadActions");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(schedulers, "schedulers");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(forecaster, "forecaster");
    Objects.requireNonNull(models, "models");
  }

  /** Parts without workload actions. */
  public ControllerParts(MqttTransport transport, Schedulers schedulers, RulePolicy rules,
      Optional<PowerForecaster> forecaster, ModelServing models) {
    this(transport, schedulers, rules, forecaster, models, Optional.empty());
  }

  /** The same parts, with {@code actions} carrying out the workload manager's actions. */
  public ControllerParts withWorkloadActions(RoutedExecutor actions) {
    return new ControllerParts(transport, schedulers, rules, forecaster, models,
        Optional.of(actions));
  }

  /** Parts without model files: only the power model, if any, predicts. */
  public ControllerParts(MqttTransport transport, Schedulers schedulers, RulePolicy rules,
      Optional<PowerForecaster> forecaster) {
    this(transport, schedulers, rules, forecaster, ModelServing.none());
  }
}
