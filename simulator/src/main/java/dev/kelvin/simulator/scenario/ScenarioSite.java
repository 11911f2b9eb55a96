package dev.kelvin.simulator.scenario;

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
    double carbonGramsPerKwh, double pricePerKwh, double outdoorCelsius) {}
