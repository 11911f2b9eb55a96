package dev.kelvin.simulator.report;

import java.util.SortedMap;

/**
 * The figures of one run, as {@code report.json} holds them. Energy in kWh, times in seconds,
 * carbon in kg CO2e, cost in the scenario's currency.
 *
 * @param jobsNeverFit jobs larger than any site, reported and never queued
 * @param nodeHoursLost node-hours of work lost to failures (since each job's last checkpoint)
 * @param meanBoundedSlowdown over completed jobs, with the 10 s bound
 * @param meanRuntimeStretchPct how much longer completed jobs ran than in the trace, averaged
 * @param utilisation busy node-seconds over available node-seconds of the run
 * @param actions actions carried out, counted per type name
 * @param events events the engine processed (for the benchmark, not a result)
 */
public record RunSummary(String scenario, long seed, String policy, double energyKwh,
    double itEnergyKwh, double coolingEnergyKwh, double pue, int jobsSubmitted,
    int jobsCompleted, int jobsFailed, int jobsNeverFit, double nodeHoursLost, double meanWaitS,
    double meanBoundedSlowdown, double meanRuntimeStretchPct, double makespanS,
    double utilisation, SortedMap<String, Long> actions, double carbonKg, double cost,
    double simulatedS, long events) {}
