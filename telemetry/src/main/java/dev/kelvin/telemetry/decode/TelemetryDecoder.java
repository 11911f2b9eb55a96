package dev.kelvin.telemetry.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.model.NodeReading;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.TelemetryWire;
import dev.kelvin.core.wire.Topics;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns one MQTT message (topic and payload bytes) into a validated {@link NodeReading}, or
 * refuses it with a {@link ValidationException} that names the reason, the field and the bad
 * value. JSON is read strictly: no NaN or Infinity literals, no duplicate keys, one object at
 * the top level and nothing after it. Thread-safe and cheap: one {@link ObjectReader} is
 * shared by every call.
 */
public final class TelemetryDecoder {
  /** Longest parser message kept in a reject, in characters. */
  private static final int MAX_MESSAGE_CHARS = 160;
  private static final String PAYLOAD = "payload";

  private final Topics topics;
  private final int maxPayloadBytes;
  private final ObjectReader reader;

  public TelemetryDecoder(Topics topics, int maxPayloadBytes) {
    this.topics = Objects.requireNonNull(topics, "topics");
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be >= 1, was " + maxPayloadBytes);
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.reader = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build()
        .readerForMapOf(Object.class);
  }

  /**
   * Decodes a message received on {@code topic}.
   *
   * @throws ValidationException with reason TOO_LARGE, BAD_TOPIC, MALFORMED or any reason of
   *     {@link TelemetryWire#decode}
   */
  public NodeReading decode(String topic, byte[] payload) {
    Objects.requireNonNull(payload, PAYLOAD);
    if (payload.length > maxPayloadBytes) {
      throw new ValidationException(RejectReason.TOO_LARGE, PAYLOAD, "payload of "
          + payload.length + " bytes is larger than the limit of " + maxPayloadBytes
          + " bytes (maxPayloadBytes): send one reading per message, or raise the limit");
    }
    NodeId node = nodeOf(topic);
    return TelemetryWire.decode(node, parse(payload));
  }

  /** The node named by {@code topic} when it is a node telemetry topic, else empty. */
  public Optional<NodeId> telemetryNode(String topic) {
    return topics.parseNode(topic)
        .filter(parsed -> parsed.channel() == Topics.Channel.TELEMETRY)
        .map(Topics.NodeTopic::node);
  }

  private NodeId nodeOf(String topic) {
    return telemetryNode(topic).orElseThrow(() -> new ValidationException(
        RejectReason.BAD_TOPIC, "topic", "topic '" + abbreviate(String.valueOf(topic))
            + "' is not a node telemetry topic: expected " + topics.prefix()
            + "/{site}/node/{node}/telemetry, with site and node names of 1-64 letters,"
            + " digits, '.', '_' or '-'"));
  }

  private Map<String, Object> parse(byte[] payload) {
    try (JsonParser parser = reader.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw malformed("payload must be one JSON object {...} per reading, was "
            + describe(first));
      }
      return reader.readValue(parser);
    } catch (JsonProcessingException syntax) {
      throw malformed("payload is not valid JSON: " + explain(syntax));
    } catch (IOException unreadable) {
      throw malformed("payload could not be read: " + unreadable.getMessage());
    }
  }

  private static String describe(JsonToken first) {
    if (first == null) {
      return "empty";
    }
    return switch (first) {
      case START_ARRAY -> "a JSON array (send one object per message)";
      case VALUE_STRING -> "a JSON string (JSON encoded twice?)";
      default -> "a bare JSON value (" + first.asString() + ")";
    };
  }

  private static String explain(JsonProcessingException syntax) {
    String message = String.valueOf(syntax.getOriginalMessage());
    int cut = message.indexOf(": enable");
    if (message.startsWith("Non-standard token") && cut > 0) {
      message = message.substring(0, cut) + " (JSON has no NaN or Infinity: leave the field out"
          + " when the sensor has no reading)";
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    String where = syntax.getLocation() == null ? ""
        : " at line " + syntax.getLocation().getLineNr() + ", column "
            + syntax.getLocation().getColumnNr();
    return abbreviate(message) + where;
  }

  private static ValidationException malformed(String message) {
    return new ValidationException(RejectReason.MALFORMED, PAYLOAD, message);
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text
        : text.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }
}
