/**
 * Actions Kelvin takes, as a sealed hierarchy: setpoints held under a lease (CPU frequency
 * caps, GPU power limits, node power caps), node state changes, job migration, site failover
 * and notices; with the guard's verdicts and the results read back from the hardware.
 */
package dev.kelvin.core.action;
