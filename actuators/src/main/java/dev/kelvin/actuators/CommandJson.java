package dev.kelvin.actuators;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.wire.CommandAck;
import dev.kelvin.core.wire.CommandWire;
import dev.kelvin.core.wire.NodeCommand;
import java.io.IOException;
import java.util.Map;

/**
 * JSON syntax for commands and acks; the fields, units and checks are {@link CommandWire}'s.
 * The only class that touches Jackson. Thread-safe.
 */
final class CommandJson {
  /** Acks are a few hundred bytes; anything far larger is not an ack. */
  static final int MAX_ACK_BYTES = 16 * 1024;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final ObjectMapper mapper = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  byte[] encode(NodeCommand command) {
    try {
      return mapper.writeValueAsBytes(CommandWire.encode(command));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write command " + command.id() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Decodes an ack payload.
   *
   * @throws ValidationException naming the field at fault, or {@code payload} when the bytes
   *     are not a JSON object
   */
  CommandAck decodeAck(byte[] payload) {
    if (payload.length > MAX_ACK_BYTES) {
      throw new ValidationException(RejectReason.TOO_LARGE, "payload", "ack of "
          + payload.length + " bytes is larger than the " + MAX_ACK_BYTES + " bytes an ack"
          + " needs (something else published on the cmd/ack topic?)");
    }
    Map<String, Object> json;
    try {
      json = mapper.readValue(payload, OBJECT);
    } catch (IOException e) {
      throw new ValidationException(RejectReason.MALFORMED, "payload", "ack is not a JSON"
          + " object: " + firstLine(e));
    }
    if (json == null) {
      throw new ValidationException(RejectReason.MALFORMED, "payload", "ack is JSON null");
    }
    return CommandWire.decodeAck(json);
  }

  private static String firstLine(IOException e) {
    String message = e instanceof JsonProcessingException json ? json.getOriginalMessage()
        : e.getMessage();
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
