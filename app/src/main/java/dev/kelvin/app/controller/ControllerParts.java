package dev.kelvin.app.controller;

import dev.kelvin.app.runtime.Schedulers;
import dev.kelvin.mqtt.MqttTransport;
import dev.kelvin.policy.RulePolicy;
import dev.kelvin.predictor.forecast.PowerForecaster;
import java.util.Objects;
import java.util.Optional;

/**
 * What the controller assembly is given rather than builds: how it reaches the broker, where
 * its time comes from, the compiled rules and the trained power model (slow to make, so the
 * demo makes them while its broker starts; the rules number the actions they propose).
 *
 * @param forecaster the power model; empty runs without predictions
 */
public record ControllerParts(MqttTransport transport, Schedulers schedulers, RulePolicy rules,
    Optional<PowerForecaster> forecaster) {
  public ControllerParts {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(schedulers, "schedulers");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(forecaster, "forecaster");
  }
}
