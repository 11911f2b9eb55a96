/**
 * The node agent that runs on each HPC node: it samples the node's hardware through core's
 * {@link dev.kelvin.core.port.NodeHardware} port, publishes the readings over MQTT (keeping a
 * bounded backlog while the broker is away), and applies setpoint commands under a lease that
 * reverts to the hardware default when it runs out, so that a dead controller never leaves a
 * node throttled. Start with {@link dev.kelvin.agent.NodeAgent}.
 */
package dev.kelvin.agent;
