/**
 * The node agent's lease table: which setpoints a controller holds on this node, until when,
 * and the rule that set them; it clamps, applies and reads back through core's
 * {@link dev.kelvin.core.port.NodeHardware} port and restores the hardware default when a lease
 * runs out. Nothing here knows about MQTT or JSON, so it is tested with a hand-moved clock.
 */
package dev.kelvin.agent.lease;
