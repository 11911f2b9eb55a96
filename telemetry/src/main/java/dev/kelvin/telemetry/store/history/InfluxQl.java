package dev.kelvin.telemetry.store.history;

import java.time.Duration;
import java.time.Instant;

/**
 * Quoting for InfluxQL (InfluxDB 1.x): identifiers in double quotes and string literals in
 * single quotes, each with its quote and the backslash escaped by a backslash, and times as
 * epoch milliseconds with the {@code ms} unit, so that no name can end a quoted part early.
 * Line breaks cannot be escaped in InfluxQL and are refused. Thread-safe (stateless).
 */
final class InfluxQl {
  private InfluxQl() {}

  /** {@code name} as a quoted identifier: {@code "my \"db\""}. */
  static String identifier(String name) {
    return quote(name, '"', "identifier");
  }

  /** {@code value} as a string literal: {@code 'it\'s'}. */
  static String literal(String value) {
    return quote(value, '\'', "string literal");
  }

  /** {@code at} as an epoch time in whole milliseconds: {@code 1700000000000ms}. */
  static String time(Instant at) {
    return at.toEpochMilli() + "ms";
  }

  /** {@code step} as a duration literal in milliseconds: {@code 10000ms}. */
  static String duration(Duration step) {
    return step.toMillis() + "ms";
  }

  private static String quote(String text, char quote, String what) {
    if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an InfluxQL " + what + " must be a non-empty single"
          + " line, was '" + text.replace("\n", "\\n").replace("\r", "\\r") + "'");
    }
    StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append(quote).toString();
  }
}
