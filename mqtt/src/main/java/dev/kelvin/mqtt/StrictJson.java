package dev.kelvin.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The one JSON mapper for MQTT payloads (telemetry, commands, acks): a payload must be one
 * JSON object, with no NaN or Infinity literals, no duplicate keys and nothing after it, within
 * a size limit. Refusals are {@link ValidationException}s ({@code malformed}, {@code too_large})
 * that say what is wrong and where, in a message short enough for a log line. The decoded map
 * goes to core's wire codecs, which own the field names, units and checks. Thread-safe.
 */
public final class StrictJson {
  /** Longest parser message kept in a refusal, in characters. */
  private static final int MAX_MESSAGE_CHARS = 160;
  private static final String PAYLOAD = "payload";
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final ObjectReader READER = MAPPER.readerForMapOf(Object.class);
  private static final ObjectWriter WRITER = MAPPER.writer();

  private StrictJson() {}

  /**
   * Parses {@code payload} as one JSON object.
   *
   * @param what what the payload should be, for messages: {@code telemetry}, {@code ack}...
   * @throws ValidationException {@code too_large} above {@code maxBytes}, else {@code malformed}
   */
  public static Map<String, Object> parseObject(byte[] payload, int maxBytes, String what) {
    Objects.requireNonNull(payload, PAYLOAD);
    if (payload.length > maxBytes) {
      throw new ValidationException(RejectReason.TOO_LARGE, PAYLOAD, what + " payload of "
          + payload.length + " bytes is larger than the limit of " + maxBytes + " bytes");
    }
    try (JsonParser parser = READER.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw malformed(what + " must be one JSON object {...}, was " + describe(first));
      }
      return READER.readValue(parser);
    } catch (JsonProcessingException syntax) {
      throw malformed(what + " is not valid JSON: " + explain(syntax));
    } catch (IOException unreadable) {
      throw malformed(what + " could not be read: " + unreadable.getMessage());
    }
  }

  /** Writes a map of strings, numbers, booleans, lists and maps (as the codecs make) as JSON. */
  public static byte[] write(Map<String, ?> object) {
    try {
      return WRITER.writeValueAsBytes(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + object.keySet() + " as JSON", e);
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

  /** {@code text} cut to a log line's worth. */
  public static String abbreviate(String text) {
    return WireText.shown(text, MAX_MESSAGE_CHARS);
  }
}
