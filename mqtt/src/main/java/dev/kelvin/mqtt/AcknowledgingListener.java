package dev.kelvin.mqtt;

/**
 * A listener that acknowledges each message itself, once the message is safe with it (stored,
 * say), instead of the session acknowledging it on arrival: a receiver that dies before it
 * acknowledges gets the message again from a persistent session after its restart.
 *
 * <p>Rules a listener keeps:
 * <ul>
 *   <li>Acknowledge in the order the messages arrived: MQTT requires a receiver to acknowledge
 *       QoS 1 messages in order.</li>
 *   <li>Acknowledge every message in the end, even one it drops: the broker sends no more
 *       unacknowledged messages than the session's window (MQTT's Receive Maximum, which the
 *       session sets to 65,535, the most MQTT allows).</li>
 *   <li>Take a message twice without harm: an acknowledgement of a message that arrived on a
 *       connection since lost does nothing, and the broker sends that message again after the
 *       reconnect.</li>
 * </ul>
 */
public interface AcknowledgingListener extends SessionListener {
  /** The session's in-flight window: the most unacknowledged messages the broker sends. */
  int WINDOW = 65_535;

  /** A message arrived on a subscribed topic; {@code ack} acknowledges it. */
  void message(String topic, byte[] payload, Acknowledgement ack);

  /** A message that needs no acknowledgement. */
  @Override
  default void message(String topic, byte[] payload) {
    message(topic, payload, Acknowledgement.NONE);
  }
}
