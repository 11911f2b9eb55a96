package dev.kelvin.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The one JSON mapper for MQTT payloads (telemetry, commands, acks): a payload must be one
 * JSON object, with no NaN or Infinity literals, no duplicate keys and nothing after it, within
 * a size limit. Refusals are {@link ValidationException}s ({@code malformed}, {@code too_large})
 * that say what is wrong and where, in a message short enough for a log line. The decoded map
 * goes to core's wire codecs, which own the field names, units and checks. Thread-safe.
 *
 * <p>The tree is built from the parser's tokens here rather than by Jackson's data binding: a
 * key seen twice is found by the map's own insertion, which saves the parser's duplicate
 * detector and the binding's generic machinery on the ingest's hottest path. The values are
 * what the binding made: {@code LinkedHashMap}s in field order, {@code ArrayList}s, strings,
 * {@code Integer}, {@code Long} or {@code BigInteger} for integers, {@code Double} for the
 * rest, booleans and {@code null}.
 */
public final class StrictJson {
  /** Longest parser message kept in a refusal, in characters. */
  private static final int MAX_MESSAGE_CHARS = 160;
  private static final String PAYLOAD = "payload";
  /**
   * Duplicate keys are found while building the map, so the parser need not look; numbers are
   * read by Jackson's fast parser (the same values as {@code Double.parseDouble}, faster).
   */
  private static final JsonFactory PARSERS = JsonFactory.builder()
      .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .build();
  private static final ObjectWriter WRITER = JsonMapper.builder().build().writer();

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
    try (JsonParser parser = PARSERS.createParser(payload)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw malformed(what + " must be one JSON object {...}, was " + describe(first));
      }
      Map<String, Object> object = readObject(parser);
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new JsonParseException(parser, "Trailing token (" + after.asString()
            + ") after the object");
      }
      return object;
    } catch (JsonProcessingException syntax) {
      throw malformed(what + " is not valid JSON: " + explain(syntax));
    } catch (IOException unreadable) {
      throw malformed(what + " could not be read: " + unreadable.getMessage());
    }
  }

  private static Map<String, Object> readObject(JsonParser parser) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      int size = object.size();
      object.put(name, readValue(parser, parser.nextToken()));
      if (object.size() == size) {
        throw new JsonParseException(parser, "Duplicate field '" + name + "'");
      }
    }
    return object;
  }

  private static List<Object> readArray(JsonParser parser) throws IOException {
    List<Object> array = new ArrayList<>();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY;
        token = parser.nextToken()) {
      array.add(readValue(parser, token));
    }
    return array;
  }

  private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> readObject(parser);
      case START_ARRAY -> readArray(parser);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonParseException(parser, "Unexpected token " + token);
    };
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
