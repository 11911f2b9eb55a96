/**
 * Serving models every tick behind core's {@code Predictor} port: a loader per model kind
 * turns a checked model file into a served model that predicts for a whole snapshot at once.
 */
package dev.kelvin.predictor.serve;
