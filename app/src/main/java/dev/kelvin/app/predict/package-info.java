/**
 * The predictor's commands: {@code kelvin train} and {@code kelvin eval} for failure, load and
 * anomaly models, with their evaluation reports (text, JSON and a self-contained HTML page).
 */
package dev.kelvin.app.predict;
