/**
 * The controller assembly that every command uses: state, telemetry, predictor, rules, guard,
 * actuator, audit, control loop, dashboard, health and metrics, wired once.
 */
package dev.kelvin.app.controller;
