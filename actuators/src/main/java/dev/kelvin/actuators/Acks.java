package dev.kelvin.actuators;

import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.NodeCommand;
import dev.kelvin.mqtt.StrictJson;

/** Commands to bytes and ack bytes to acks: the MQTT layer's JSON, core's wire schema. */
final class Acks {
  /** Acks are a few hundred bytes; anything far larger is not an ack. */
  static final int MAX_ACK_BYTES = 16 * 1024;

  private Acks() {}

  static byte[] encode(NodeCommand command) {
    return StrictJson.write(CommandWire.encode(command));
  }

  /**
   * @throws ValidationException naming the field at fault, or {@code payload} when the bytes
   *     are not one JSON object
   */
  static CommandAck decode(byte[] payload) {
    return CommandWire.decodeAck(StrictJson.parseObject(payload, MAX_ACK_BYTES, "ack"));
  }
}
