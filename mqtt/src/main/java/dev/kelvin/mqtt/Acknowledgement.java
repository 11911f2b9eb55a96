package dev.kelvin.mqtt;

/**
 * Tells the broker that one received message is safe with its receiver, so that the broker may
 * forget it (MQTT's PUBACK). See {@link AcknowledgingListener} for the order and the reconnect
 * rules.
 */
@FunctionalInterface
public interface Acknowledgement {
  /** For a message the broker expects no acknowledgement of, or one already given. */
  Acknowledgement NONE = () -> { };

  /** Acknowledges the message; never blocks, never throws. */
  void acknowledge();
}
