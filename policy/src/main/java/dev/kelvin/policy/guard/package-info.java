/**
 * The {@link dev.kelvin.policy.guard.SafetyGuard}: every proposal passes it before anything
 * touches hardware. It fails closed: it refuses everything while the audit log cannot be
 * written, refuses to act on nodes it cannot see or setpoints whose hardware limits the node
 * does not report, clamps setpoints to those limits, drops no-ops, settles a tick's duplicates
 * and conflicts, enforces a dwell time per node and setpoint, repeats and cluster-wide rate
 * limits per action type, caps leases, and gives each action type its mode: automatic, held for
 * an operator, or dry run.
 */
package dev.kelvin.policy.guard;
