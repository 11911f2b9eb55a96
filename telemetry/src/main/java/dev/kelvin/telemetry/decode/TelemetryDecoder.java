package dev.kelvin.telemetry.decode;

import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.BatchWire;
import dev.kelvin.core.wire.FacilityWire;
import dev.kelvin.core.wire.IdInterner;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import dev.kelvin.mqtt.StrictJson;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Kelvin JSON codec: a node's reading or batch of readings on its telemetry topic, a batch
 * of many nodes' readings on a site's telemetry topic ({@link BatchWire}), and facility
 * readings on a sensor's topic ({@link FacilityWire}). JSON is read by the MQTT layer's
 * {@link StrictJson}: one object, no NaN or Infinity literals, no duplicate keys, nothing after
 * it. Thread-safe and cheap.
 */
public final class TelemetryDecoder implements PayloadCodec {
  private final Topics topics;
  private final int maxPayloadBytes;
  /** The readings of one node share its node and rack ids (see {@link IdInterner}). */
  private final IdInterner ids = new IdInterner(IdInterner.DEFAULT_MAX_IDS);

  /** @param maxPayloadBytes the largest message read (a batch of 10,000 readings needs ~3 MB) */
  public TelemetryDecoder(Topics topics, int maxPayloadBytes) {
    this.topics = Objects.requireNonNull(topics, "topics");
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 1, was " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  public boolean handles(String topic) {
    return topic != null && topic.startsWith(topics.prefix() + "/");
  }

  @Override
  public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
    Optional<NodeId> node = telemetryNode(topic);
    Optional<Topics.SiteTopic> site = node.isPresent() ? Optional.empty()
        : topics.parseSite(topic);
    if (node.isEmpty() && site.isEmpty()) {
      throw badTopic();
    }
    Map<String, Object> json = parse(payload);
    Decoded.Builder out = Decoded.builder();
    if (site.isPresent() && site.get().facility()) {
      FacilityWire.decode(site.get().site(), site.get().sensor().orElseThrow(), json,
          out::facility, out::refused);
    } else if (node.isPresent() && !BatchWire.isBatch(json)) {
      out.node(TelemetryWire.decode(node.get(), json, ids));
    } else {
      BatchWire.decode(node.map(NodeId::site).orElseGet(() -> site.get().site()), node, json,
          ids, out::node, out::refused);
    }
    Decoded decoded = out.build();
    if (decoded.isEmpty()) {
      throw new ValidationException(RejectReason.MISSING_FIELD, BatchWire.READINGS,
          "the message carries no reading (an empty readings list)");
    }
    return decoded;
  }

  /**
   * Decodes a message received on a node's telemetry topic that carries one reading.
   *
   * @throws ValidationException with reason TOO_LARGE, BAD_TOPIC, MALFORMED or any reason of
   *     {@link TelemetryWire#decode}
   */
  public NodeReading decode(String topic, byte[] payload) {
    NodeId node = telemetryNode(topic).orElseThrow(this::badTopic);
    return TelemetryWire.decode(node, parse(payload), ids);
  }

  @Override
  public Optional<NodeId> topicNode(String topic) {
    return telemetryNode(topic);
  }

  /** The node named by {@code topic} when it is a node telemetry topic, else empty. */
  public Optional<NodeId> telemetryNode(String topic) {
    return topics.parseNode(topic)
        .filter(parsed -> parsed.channel() == Topics.Channel.TELEMETRY)
        .map(Topics.NodeTopic::node);
  }

  private Map<String, Object> parse(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (payload.length > maxPayloadBytes) {
      throw new ValidationException(RejectReason.TOO_LARGE, "payload", "payload of "
          + payload.length + " bytes is larger than the limit of " + maxPayloadBytes
          + " bytes (telemetry.max_payload): split the batch, or raise the limit");
    }
    return StrictJson.parseObject(payload, maxPayloadBytes, "telemetry");
  }

  private ValidationException badTopic() {
    return new ValidationException(RejectReason.BAD_TOPIC, "topic", "not a node telemetry"
        + " topic: expected " + topics.prefix() + "/{site}/node/{node}/telemetry (or a site's"
        + " .../{site}/telemetry, .../{site}/facility/{sensor})");
  }
}
