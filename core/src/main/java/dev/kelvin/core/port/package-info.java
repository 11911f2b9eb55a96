/**
 * The ports: the interfaces through which the control loop meets telemetry, models, rules,
 * the guard, actuators, the audit log and node hardware. Adapters in the other modules
 * implement them; live and simulated adapters alike.
 */
package dev.kelvin.core.port;
