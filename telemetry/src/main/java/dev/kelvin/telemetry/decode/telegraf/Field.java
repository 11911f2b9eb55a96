package dev.kelvin.telemetry.decode.telegraf;

import java.util.Objects;

/**
 * One field of a line-protocol line: its key, its type and its value. Numbers (float, integer,
 * unsigned) and booleans (1 or 0) are held in {@code number}, strings in {@code text}.
 *
 * @param column where the field's value starts in its line, from 1, for error messages
 */
public record Field(String key, Type type, double number, String text, int column) {

  /** The value types of line protocol. */
  public enum Type {
    /** {@code 1.5}, {@code 2}, {@code -3e4}: a 64-bit float. */
    FLOAT("float"),
    /** {@code 42i}: a signed 64-bit integer. */
    INTEGER("integer"),
    /** {@code 42u}: an unsigned 64-bit integer. */
    UNSIGNED("unsigned integer"),
    /** {@code t}, {@code true}, {@code F}, {@code false} ... */
    BOOLEAN("boolean"),
    /** {@code "text"} */
    STRING("string");

    private final String description;

    Type(String description) {
      this.description = description;
    }

    /** How a person names the type, e.g. {@code unsigned integer}. */
    public String description() {
      return description;
    }
  }

  public Field {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  public static Field number(String key, Type type, double value, int column) {
    return new Field(key, type, value, "", column);
  }

  public static Field bool(String key, boolean value, int column) {
    return new Field(key, Type.BOOLEAN, value ? 1 : 0, "", column);
  }

  public static Field string(String key, String value, int column) {
    return new Field(key, Type.STRING, Double.NaN, value, column);
  }

  /** Whether the value is a number (float, integer or unsigned integer). */
  public boolean isNumber() {
    return type == Type.FLOAT || type == Type.INTEGER || type == Type.UNSIGNED;
  }

  /** The value as it would read in line protocol, for error messages. */
  public String shown() {
    switch (type) {
      case STRING:
        return '"' + text + '"';
      case BOOLEAN:
        return number == 1 ? "true" : "false";
      default:
        return dev.kelvin.core.model.Numbers.plain(number, 6);
    }
  }
}
