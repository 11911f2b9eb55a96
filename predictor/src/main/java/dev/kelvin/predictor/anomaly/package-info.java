/**
 * The per-node anomaly detector: how unusual a node's memory error trend and thermal behaviour
 * are, scored 0-1 as the share of training rows less unusual. Two methods are compared on
 * recorded simulator telemetry (robust z-scores against the node's peers at the same tick, and
 * Tribuo's LibSVM one-class SVM) and the better on measured results is kept in the model file.
 */
package dev.kelvin.predictor.anomaly;
