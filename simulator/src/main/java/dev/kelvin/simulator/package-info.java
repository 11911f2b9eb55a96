/**
 * A simulated data-center site in virtual time: nodes with power and thermal physics running a
 * seeded workload, exposed through core's {@link dev.kelvin.core.port.NodeHardware} port so the
 * real node agent can publish their readings and apply caps, plus a fast generator of training
 * history. No MQTT here, and no calls to policy or predictor.
 */
package dev.kelvin.simulator;
