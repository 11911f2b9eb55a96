package dev.kelvin.simulator.scenario;

/**
 * The cooling model of a scenario: one cooling plant per site whose coefficient of performance
 * falls as the outdoor air warms.
 *
 * @param copAtReference the COP at {@code referenceOutdoorCelsius}
 * @param copPerKelvin how much the COP falls per kelvin of outdoor air above the reference
 * @param minCop the COP never falls below this
 * @param fixedOverheadRatio facility power that is not cooling (lighting, UPS and distribution
 *     losses) as a share of IT power
 */
public record CoolingSettings(double copAtReference, double referenceOutdoorCelsius,
    double copPerKelvin, double minCop, double fixedOverheadRatio) {}
