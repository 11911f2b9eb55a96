/**
 * The power forecaster behind core's {@code Predictor} port: a Tribuo regression of each
 * node's power one horizon ahead, trained at start-up on a plain reading history, evaluated
 * on the later part of that history against the persistence baseline, and versioned by a hash
 * of its provenance. Tribuo types stay inside this package; the public API speaks core types,
 * JDK types and this package's records.
 */
package dev.kelvin.predictor.forecast;
