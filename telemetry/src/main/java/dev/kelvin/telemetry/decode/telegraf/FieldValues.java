package dev.kelvin.telemetry.decode.telegraf;

import dev.kelvin.core.validation.RejectReason;
import java.util.Set;

/** Reads an unquoted field value of line protocol: a float, an integer or a boolean. */
final class FieldValues {
  private static final Set<String> TRUE = Set.of("t", "T", "true", "True", "TRUE");
  private static final Set<String> FALSE = Set.of("f", "F", "false", "False", "FALSE");

  private FieldValues() {}

  static Field scalar(LineCursor cursor, String key, String token) {
    int column = cursor.valueColumn(token);
    if (token.isEmpty()) {
      throw cursor.failAtColumn(RejectReason.MALFORMED, key, column, "field "
          + LineCursor.shown(key) + " has no value after '='");
    }
    char last = token.charAt(token.length() - 1);
    if (last == 'i' && isInteger(token, 0, token.length() - 1, true)) {
      return integer(cursor, key, token, column);
    }
    if (last == 'u' && isInteger(token, 0, token.length() - 1, false)) {
      return unsigned(cursor, key, token, column);
    }
    char first = token.charAt(0);
    if ((first == 't' || first == 'T' || first == 'f' || first == 'F')
        && (TRUE.contains(token) || FALSE.contains(token))) {
      return Field.bool(key, TRUE.contains(token), column);
    }
    if (isFloat(token)) {
      return floating(cursor, key, token, column);
    }
    if (notFinite(token)) {
      throw cursor.failAtColumn(RejectReason.NOT_FINITE, key, column, "field "
          + LineCursor.shown(key) + " = " + token + ": NaN and infinity are not numbers in"
          + " line protocol (leave the field out when there is no reading)");
    }
    throw cursor.failAtColumn(RejectReason.MALFORMED, key, column, "field "
        + LineCursor.shown(key) + " = " + LineCursor.shown(token) + " is not a float, an"
        + " integer (1i), an unsigned integer (1u), a boolean or a double-quoted string");
  }

  private static Field floating(LineCursor cursor, String key, String token, int column) {
    double value = Double.parseDouble(token);
    if (Double.isInfinite(value)) {
      throw cursor.failAtColumn(RejectReason.NOT_FINITE, key, column, "field "
          + LineCursor.shown(key) + " = " + token + " is beyond a 64-bit float");
    }
    return Field.number(key, Field.Type.FLOAT, value, column);
  }

  private static Field integer(LineCursor cursor, String key, String token, int column) {
    try {
      long value = Long.parseLong(token, 0, token.length() - 1, 10);
      return Field.number(key, Field.Type.INTEGER, value, column);
    } catch (NumberFormatException overflow) {
      throw cursor.failAtColumn(RejectReason.OUT_OF_RANGE, key, column, "field "
          + LineCursor.shown(key) + " = " + token + " is outside the signed 64-bit range");
    }
  }

  private static Field unsigned(LineCursor cursor, String key, String token, int column) {
    try {
      long bits = Long.parseUnsignedLong(token, 0, token.length() - 1, 10);
      double value = bits >= 0 ? bits : (bits >>> 1) * 2.0 + (bits & 1);
      return Field.number(key, Field.Type.UNSIGNED, value, column);
    } catch (NumberFormatException overflow) {
      throw cursor.failAtColumn(RejectReason.OUT_OF_RANGE, key, column, "field "
          + LineCursor.shown(key) + " = " + token + " is outside the unsigned 64-bit range");
    }
  }

  /** Digits from {@code from} to {@code to}, with a leading '-' when {@code signed}. */
  private static boolean isInteger(String token, int from, int to, boolean signed) {
    int i = from;
    if (signed && i < to && token.charAt(i) == '-') {
      i++;
    }
    if (i >= to) {
      return false;
    }
    for (; i < to; i++) {
      if (!isDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code [+-]digits[.digits][(e|E)[+-]digits]}, with digits on at least one side. */
  static boolean isFloat(String token) {
    int n = token.length();
    int i = token.startsWith("-") || token.startsWith("+") ? 1 : 0;
    int integral = digitsFrom(token, i);
    i += integral;
    int fraction = 0;
    if (i < n && token.charAt(i) == '.') {
      fraction = digitsFrom(token, i + 1);
      i += 1 + fraction;
    }
    if (integral + fraction == 0) {
      return false;
    }
    if (i < n && (token.charAt(i) == 'e' || token.charAt(i) == 'E')) {
      i++;
      i += i < n && (token.charAt(i) == '-' || token.charAt(i) == '+') ? 1 : 0;
      int exponent = digitsFrom(token, i);
      return exponent > 0 && i + exponent == n;
    }
    return i == n;
  }

  /** How many digits follow from {@code from}. */
  private static int digitsFrom(String token, int from) {
    int i = from;
    while (i < token.length() && isDigit(token.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static boolean notFinite(String token) {
    String bare = token.startsWith("-") || token.startsWith("+") ? token.substring(1) : token;
    return bare.equalsIgnoreCase("nan") || bare.equalsIgnoreCase("inf")
        || bare.equalsIgnoreCase("infinity");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
