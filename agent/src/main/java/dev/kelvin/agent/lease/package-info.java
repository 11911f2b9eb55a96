/**
 * The node agent's lease table: which setpoints a controller holds on this node, until when,
 * and the rule that set them; it clamps, applies and reads back through core's
 * {@link dev.kelvin.core.port.NodeHardware} port and restores the hardware default when a lease
 * runs out. It trusts a command's issue time only within a clock skew of its own clock, orders
 * commands so that none locks the controller out for longer than that skew, and answers
 * duplicates as before ({@code IssueTimes}, {@code AppliedCommands}); every refusal has a
 * {@link dev.kelvin.agent.lease.Refusal} reason. Nothing here knows about MQTT or JSON, so it
 * is tested with a hand-moved clock.
 */
package dev.kelvin.agent.lease;
