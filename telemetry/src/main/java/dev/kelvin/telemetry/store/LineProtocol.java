package dev.kelvin.telemetry.store;

/**
 * The InfluxDB 1.x line protocol's lexical rules, on a {@link StringBuilder}: escaping of
 * measurements, tag keys and values, field keys and string field values, and the number
 * forms. What InfluxDB 1.x cannot represent is mapped, never sent broken:
 * <ul>
 *   <li>a point is one line, so line breaks and other control characters inside names and
 *       strings become spaces (one per character, so that a batch has one line per point);</li>
 *   <li>in keys and tag values a backslash is kept as it is (InfluxDB stores it literally)
 *       except where it stands before a comma, an equals sign, a space or the end, where
 *       InfluxDB would read it as an escape and refuse the line: there it becomes '/'.</li>
 * </ul>
 * Checked against InfluxDB 1.6: {@code InfluxStoreIT} writes such names and reads them back.
 */
final class LineProtocol {
  private LineProtocol() {}

  /** Appends a measurement name: commas and spaces escaped. */
  static void measurement(StringBuilder out, String name) {
    if (verbatim(name)) {
      out.append(name);
      return;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = plain(name.charAt(i));
      if (c == ',' || c == ' ') {
        out.append('\\');
      }
      out.append(c);
    }
  }

  /** Appends {@code ,key=value}; nothing when {@code value} is empty (InfluxDB refuses it). */
  static void tag(StringBuilder out, String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    out.append(',');
    key(out, key);
    out.append('=');
    key(out, value);
  }

  /**
   * Appends a tag key or value, or a field key: commas, equals signs and spaces escaped.
   */
  static void key(StringBuilder out, String text) {
    if (verbatim(text)) {
      out.append(text);
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = plain(text.charAt(i));
      if (special(c)) {
        out.append('\\');
      } else if (c == '\\' && (i + 1 == text.length() || special(plain(text.charAt(i + 1))))) {
        c = '/';
      }
      out.append(c);
    }
  }

  /**
   * Whether {@code text} goes out as it is in a measurement, key or tag value: no control
   * character, comma, equals sign, space or backslash. Most names are, and appending them
   * whole takes about half the time of appending them a character at a time.
   */
  private static boolean verbatim(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c == 0x7f || special(c) || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean special(char c) {
    return c == ',' || c == '=' || c == ' ';
  }

  /** Appends {@code sep key=value} with a float value; {@code sep} is ' ' first, then ','. */
  static void floatField(StringBuilder out, char sep, String key, double value) {
    out.append(sep);
    key(out, key);
    out.append('=').append(value);
  }

  /** Appends {@code sep key=valuei}: an integer field. */
  static void intField(StringBuilder out, char sep, String key, long value) {
    out.append(sep);
    key(out, key);
    out.append('=').append(value).append('i');
  }

  /** Appends {@code sep key=true} or {@code sep key=false}: a boolean field. */
  static void boolField(StringBuilder out, char sep, String key, boolean value) {
    out.append(sep);
    key(out, key);
    out.append('=').append(value);
  }

  /** Appends {@code sep key="value"}: double quotes and backslashes escaped. */
  static void stringField(StringBuilder out, char sep, String key, String value) {
    out.append(sep);
    key(out, key);
    out.append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = plain(value.charAt(i));
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** Appends the timestamp in milliseconds and ends the line. */
  static void timestampMillis(StringBuilder out, long epochMillis) {
    out.append(' ').append(epochMillis).append('\n');
  }

  /** Control characters (line breaks, tabs) as spaces: a line protocol point is one line. */
  private static char plain(char c) {
    return c < ' ' || c == 0x7f ? ' ' : c;
  }
}
