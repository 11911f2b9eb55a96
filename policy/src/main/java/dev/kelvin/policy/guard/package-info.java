/**
 * The {@link dev.kelvin.policy.guard.SafetyGuard}: every proposal passes it before anything
 * touches hardware. It fails closed: it refuses everything while the audit log cannot be
 * written, refuses to act on nodes it cannot see or setpoints whose hardware limits the node
 * does not report, clamps setpoints to those limits, drops no-ops, enforces a dwell time per
 * node and setpoint, caps leases, holds disruptive actions for an operator, and turns approvals
 * into dry runs on request.
 */
package dev.kelvin.policy.guard;
