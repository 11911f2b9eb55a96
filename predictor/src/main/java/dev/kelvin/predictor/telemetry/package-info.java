/**
 * Labelled node telemetry recorded from simulation runs: a recorder that writes every node's
 * {@code node-failure} features at every control tick (computed by the same tracker the
 * served models use), labels each row with the node's next failure once the run is over, and
 * the gzip CSV file format it writes and the trainers read.
 */
package dev.kelvin.predictor.telemetry;
