/**
 * Feature extraction, kept apart from any model: turns a node's recent readings into named,
 * unit-bearing feature vectors, or into a reason the node is skipped. Forecasters and, later,
 * classifiers and anomaly detectors share it, so training and live prediction compute
 * features the same way. No Tribuo types here.
 */
package dev.kelvin.predictor.features;
