package dev.kelvin.telemetry.decode.sparkplug;

/**
 * Sends a Sparkplug rebirth request: an NCMD that the codec built, to the edge node's command
 * topic. The MQTT layer publishes it (QoS 0 or 1, not retained). Called on the thread that
 * decodes, outside the codec's locks: it should hand the message on rather than wait for the
 * broker. What it throws is logged and counted, never passed to the caller of decode.
 */
@FunctionalInterface
public interface RebirthRequester {
  /** Asks nothing of anyone: for tests and for a read-only deployment. */
  RebirthRequester NONE = (topic, payload) -> {};

  /**
   * @param topic {@code {namespace}/{group}/NCMD/{edge node}}
   * @param payload a Sparkplug B payload with the Boolean metric {@code Node Control/Rebirth}
   *     set to true
   */
  void request(String topic, byte[] payload);
}
