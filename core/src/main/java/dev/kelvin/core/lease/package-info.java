/**
 * Leases on setpoints, once for the node agent and the control loop alike: what a lease holds
 * ({@link dev.kelvin.core.lease.SetpointTarget}) and its term
 * ({@link dev.kelvin.core.lease.LeaseTerm}), which says when it runs out and when to renew it.
 */
package dev.kelvin.core.lease;
