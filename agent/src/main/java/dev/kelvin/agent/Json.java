package dev.kelvin.agent;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON syntax for the agent's payloads, over Jackson: decoded objects are plain maps for core's
 * wire codecs. Duplicate keys, trailing data and NaN literals are refused.
 */
final class Json {
  /** Larger command payloads are refused unread: a real command is a few hundred bytes. */
  static final int MAX_PAYLOAD_BYTES = 16 * 1024;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  /**
   * Parses one JSON object.
   *
   * @throws ValidationException ({@link RejectReason#MALFORMED} or
   *     {@link RejectReason#TOO_LARGE}) saying what is wrong with the payload
   */
  static Map<String, Object> parseObject(byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ValidationException(RejectReason.TOO_LARGE, "payload", "payload of "
          + payload.length + " bytes is over the limit of " + MAX_PAYLOAD_BYTES + " bytes");
    }
    if (payload.length == 0) {
      throw new ValidationException(RejectReason.MALFORMED, "payload", "payload is empty");
    }
    try {
      Map<String, Object> map = MAPPER.readValue(payload, OBJECT);
      if (map == null) {
        throw new ValidationException(RejectReason.MALFORMED, "payload",
            "payload is JSON null, not an object");
      }
      return map;
    } catch (JsonProcessingException e) {
      throw new ValidationException(RejectReason.MALFORMED, "payload",
          "payload is not a JSON object: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ValidationException(RejectReason.MALFORMED, "payload",
          "payload could not be read: " + e.getMessage());
    }
  }

  /** Writes a map of strings, numbers and booleans (as core's codecs produce) as JSON. */
  static byte[] write(Map<String, Object> object) {
    try {
      return MAPPER.writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + object.keySet() + " as JSON", e);
    }
  }
}
