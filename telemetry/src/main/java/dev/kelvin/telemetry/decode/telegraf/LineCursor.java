package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one line of line protocol from left to right (see {@link LineProtocol} for the
 * grammar). Each problem is thrown as a {@link ValidationException} whose message starts with
 * {@code line N, column C:}. One cursor per line; not thread-safe.
 */
final class LineCursor {
  private static final String MEASUREMENT_ESCAPES = ", ";
  private static final String KEY_ESCAPES = ",= ";

  private final String text;
  private final int lineStart;
  private final int end;
  private final int number;
  private final Precision precision;
  private int pos;

  LineCursor(String text, int start, int end, int number, Precision precision) {
    this.text = text;
    this.lineStart = start;
    this.end = end;
    this.number = number;
    this.precision = precision;
    this.pos = start;
  }

  Line line() {
    skipSpaces();
    String measurement = token(MEASUREMENT_ESCAPES, "measurement");
    if (measurement.isEmpty()) {
      throw fail(RejectReason.MALFORMED, "measurement", pos, "the line has no measurement name");
    }
    Map<String, String> tags = new HashMap<>();
    while (at(',')) {
      pos++;
      tag(tags);
    }
    if (!at(' ')) {
      throw fail(RejectReason.MALFORMED, "field", pos, pos >= end
          ? "the line has no field set: a point needs a space and at least one field=value"
          : "unexpected '" + text.charAt(pos) + "' after the tag set");
    }
    skipSpaces();
    Map<String, Field> fields = new LinkedHashMap<>();
    field(fields);
    while (at(',')) {
      pos++;
      field(fields);
    }
    return new Line(number, measurement, tags, fields, timestamp());
  }

  private void tag(Map<String, String> tags) {
    int keyStart = pos;
    String key = token(KEY_ESCAPES, "tag");
    if (key.isEmpty()) {
      throw fail(RejectReason.MALFORMED, "tag", keyStart, "a tag has an empty key");
    }
    if (!at('=')) {
      throw fail(RejectReason.MALFORMED, "tag", pos, "tag " + shown(key)
          + " has no '=' and value");
    }
    pos++;
    int valueStart = pos;
    String value = token(KEY_ESCAPES, "tag");
    if (at('=')) {
      throw fail(RejectReason.MALFORMED, "tag", pos, "bad escape: an '=' in the value of tag "
          + shown(key) + " must be escaped as \\=");
    }
    if (value.isEmpty()) {
      throw fail(RejectReason.MALFORMED, "tag", valueStart, "tag " + shown(key)
          + " has an empty value (leave an empty tag out)");
    }
    if (tags.put(key, value) != null) {
      throw fail(RejectReason.MALFORMED, "tag", keyStart, "tag " + shown(key)
          + " is given twice");
    }
  }

  private void field(Map<String, Field> fields) {
    int keyStart = pos;
    String key = token(KEY_ESCAPES, "field");
    if (key.isEmpty()) {
      throw fail(RejectReason.MALFORMED, "field", keyStart, pos >= end || at(' ')
          ? "the field set ends with ',' (a field is missing after it)"
          : "a field has an empty key");
    }
    if (!at('=')) {
      throw fail(RejectReason.MALFORMED, "field", keyStart, "field " + shown(key)
          + " has no '=' and value (an unescaped space in the measurement or a tag value?"
          + " escape it as '\\ ')");
    }
    pos++;
    fields.put(key, at('"') ? string(key) : FieldValues.scalar(this, key, scalarToken()));
  }

  private Field string(String key) {
    int open = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '\\' && pos + 1 < end && (text.charAt(pos + 1) == '"'
          || text.charAt(pos + 1) == '\\')) {
        value.append(text.charAt(pos + 1));
        pos += 2;
      } else if (c == '"') {
        pos++;
        if (pos < end && !at(',') && !at(' ')) {
          throw fail(RejectReason.MALFORMED, key, pos, "unexpected '" + text.charAt(pos)
              + "' after the string value of field " + shown(key)
              + " (an unescaped '\"' inside it? escape it as \\\")");
        }
        return Field.string(key, value.toString(), column(open));
      } else {
        value.append(c);
        pos++;
      }
    }
    throw fail(RejectReason.MALFORMED, key, open, "unterminated string: the value of field "
        + shown(key) + " opens with '\"' but the line ends before its closing '\"'");
  }

  private String scalarToken() {
    int from = pos;
    while (pos < end && text.charAt(pos) != ',' && text.charAt(pos) != ' ') {
      pos++;
    }
    return text.substring(from, pos);
  }

  /** The column where the value just read started. */
  int valueColumn(String token) {
    return column(pos - token.length());
  }

  private Instant timestamp() {
    if (pos >= end) {
      return null;
    }
    if (!at(' ')) {
      throw fail(RejectReason.MALFORMED, "field", pos, "unexpected '" + text.charAt(pos)
          + "' after a field value");
    }
    skipSpaces();
    if (pos >= end) {
      return null;
    }
    int from = pos;
    while (pos < end && text.charAt(pos) != ' ') {
      pos++;
    }
    String token = text.substring(from, pos);
    skipSpaces();
    if (pos < end) {
      throw fail(RejectReason.MALFORMED, "timestamp", pos, "unexpected text after the"
          + " timestamp (a space in a field value? quote strings and escape spaces in keys)");
    }
    return Timestamps.toInstant(this, token, column(from), precision);
  }

  /**
   * An escaped token ending at an unescaped comma or space, and for keys and tag values at an
   * unescaped equals sign; {@code escapes} are the characters a backslash escapes here.
   */
  private String token(String escapes, String element) {
    int from = pos;
    StringBuilder escaped = null;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c == '\\') {
        if (pos + 1 >= end) {
          throw fail(RejectReason.MALFORMED, element, pos, "bad escape: the line ends with a"
              + " backslash that escapes nothing");
        }
        char next = text.charAt(pos + 1);
        if (escapes.indexOf(next) >= 0) {
          escaped = escaped != null ? escaped : new StringBuilder().append(text, from, pos);
          escaped.append(next);
          pos += 2;
          continue;
        }
      } else if (c == ',' || c == ' ' || (c == '=' && escapes.equals(KEY_ESCAPES))) {
        break;
      }
      if (escaped != null) {
        escaped.append(c);
      }
      pos++;
    }
    return escaped == null ? text.substring(from, pos) : escaped.toString();
  }

  private boolean at(char c) {
    return pos < end && text.charAt(pos) == c;
  }

  private void skipSpaces() {
    while (at(' ')) {
      pos++;
    }
  }

  private int column(int index) {
    return index - lineStart + 1;
  }

  /** A refusal of this line at {@code index} of the message text. */
  ValidationException fail(RejectReason reason, String field, int index, String problem) {
    return failAtColumn(reason, field, column(index), problem);
  }

  ValidationException failAtColumn(RejectReason reason, String field, int column,
      String problem) {
    return new ValidationException(reason, field, "line " + number + ", column " + column + ": "
        + problem);
  }

  static String shown(String value) {
    return "'" + WireText.shown(value, 60) + "'";
  }
}
