package dev.kelvin.simulator.scenario;

import dev.kelvin.core.model.SiteId;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One site of a scenario.
 *
 * @param nodes how many identical nodes it has
 * @param powerBudgetKw its facility power budget, if it has one
 * @param carbonGramsPerKwh the grid's carbon intensity, constant over the run
 * @param pricePerKwh the price of energy, constant over the run (the scenario's currency)
 * @param outdoorCelsius the outdoor air temperature, constant over the run
 */
public record ScenarioSite(String name, int nodes, OptionalDouble powerBudgetKw,
    double carbonGramsPerKwh, double pricePerKwh, double outdoorCelsius) {
  public ScenarioSite {
    SiteId.of(name);
    Objects.requireNonNull(powerBudgetKw, "powerBudgetKw");
    if (nodes < 1) {
      throw new IllegalArgumentException("site " + name + " needs at least one node, had "
          + nodes);
    }
    if (powerBudgetKw.isPresent() && !(powerBudgetKw.getAsDouble() > 0)) {
      throw new IllegalArgumentException("the power budget of site " + name
          + " must be > 0 kW, was " + powerBudgetKw.getAsDouble());
    }
  }
}
