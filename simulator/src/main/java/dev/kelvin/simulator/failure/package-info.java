/**
 * Node failures for the planning simulator, fitted to real failure logs: the LANL failure log
 * read ({@link dev.kelvin.datasets.failure.LanlFailureLog}, in the datasets module), its per-node time between
 * failures, rate spread and repair times fitted ({@link dev.kelvin.simulator.failure.FailureFit}
 * into a {@link dev.kelvin.simulator.failure.FailureModel}), a seeded plan of every node's
 * failures within a horizon ({@link dev.kelvin.simulator.failure.FailurePlan}), and the sensor
 * signals that precede a share of them ({@link dev.kelvin.simulator.failure.Precursors}). Pure
 * functions of their inputs and seed: no clock, no shared state.
 */
package dev.kelvin.simulator.failure;
