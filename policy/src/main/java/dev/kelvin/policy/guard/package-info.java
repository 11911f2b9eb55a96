/**
 * The {@link dev.kelvin.policy.guard.SafetyGuard}: every proposal passes it before anything
 * touches hardware. It refuses to act on nodes it cannot see, clamps setpoints to the limits
 * the node reports, drops no-ops, enforces a dwell time per node and setpoint, caps leases,
 * holds disruptive actions for an operator, and turns approvals into dry runs on request.
 */
package dev.kelvin.policy.guard;
