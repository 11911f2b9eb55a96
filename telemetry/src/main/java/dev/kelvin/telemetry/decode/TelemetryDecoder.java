package dev.kelvin.telemetry.decode;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.StrictJson;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one MQTT message (topic and payload bytes) into a validated {@link NodeReading}, or
 * refuses it with a {@link ValidationException} that names the reason, the field and the bad
 * value. JSON is read by the MQTT layer's {@link StrictJson}: one object, no NaN or Infinity
 * literals, no duplicate keys, nothing after it. Thread-safe and cheap.
 */
public final class TelemetryDecoder {
  private final Topics topics;
  private final int maxPayloadBytes;

  public TelemetryDecoder(Topics topics, int maxPayloadBytes) {
    this.topics = Objects.requireNonNull(topics, "topics");
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 1, was " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * Decodes a message received on {@code topic}.
   *
   * @throws ValidationException with reason TOO_LARGE, BAD_TOPIC, MALFORMED or any reason of
   *     {@link TelemetryWire#decode}
   */
  public NodeReading decode(String topic, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (payload.length > maxPayloadBytes) {
      throw new ValidationException(RejectReason.TOO_LARGE, "payload", "payload of "
          + payload.length + " bytes is larger than the limit of " + maxPayloadBytes
          + " bytes (maxPayloadBytes): send one reading per message, or raise the limit");
    }
    NodeId node = nodeOf(topic);
    return TelemetryWire.decode(node, StrictJson.parseObject(payload, maxPayloadBytes,
        "telemetry"));
  }

  /** The node named by {@code topic} when it is a node telemetry topic, else empty. */
  public Optional<NodeId> telemetryNode(String topic) {
    return topics.parseNode(topic)
        .filter(parsed -> parsed.channel() == Topics.Channel.TELEMETRY)
        .map(Topics.NodeTopic::node);
  }

  private NodeId nodeOf(String topic) {
    return telemetryNode(topic).orElseThrow(() -> new ValidationException(
        RejectReason.BAD_TOPIC, "topic", "not a node telemetry topic, expected "
            + topics.prefix() + "/{site}/node/{node}/telemetry (names: 1-64 of A-Z a-z 0-9 . _"
            + " -)"));
  }
}
