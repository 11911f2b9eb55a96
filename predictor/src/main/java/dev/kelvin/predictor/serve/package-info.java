/**
 * Serving models every tick behind core's {@code Predictor} port: a loader per model kind
 * turns a checked model file into a served model that predicts for a whole snapshot at once;
 * the {@code ModelRegistry} keeps one served model per kind from folders of model files,
 * reloading changed files and refusing bad ones while the model in force serves on; the
 * {@code ModelPredictor} asks each once per tick and isolates one that fails.
 */
package dev.kelvin.predictor.serve;
