package dev.kelvin.simulator.report;

import java.util.OptionalDouble;

/**
 * One site over a run: its power against its budget, the energy of its IT and its cooling.
 *
 * @param powerW the site's facility power (IT plus cooling) over time
 * @param itPowerW the IT power (nodes) over time
 * @param budgetW the site's power budget, if it has one
 */
public record SiteResult(String site, Series powerW, Series itPowerW, OptionalDouble budgetW,
    double itEnergyKwh, double coolingEnergyKwh, double carbonKg, double cost) {}
