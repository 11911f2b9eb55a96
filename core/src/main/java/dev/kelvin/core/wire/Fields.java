package dev.kelvin.core.wire;

import dev.kelvin.core.validation.RejectReason;
import dev.kelvin.core.validation.ValidationException;
import dev.kelvin.core.validation.WireText;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed access to a decoded JSON object (a map from field name to String, Number, Boolean,
 * null, List or Map, as JSON parsers produce). Every failure names the field and what was
 * expected.
 */
final class Fields {
  private final Map<String, ?> map;

  Fields(Map<String, ?> map) {
    this.map = map;
  }

  boolean has(String field) {
    return map.get(field) != null;
  }

  long requireLong(String field) {
    Object value = require(field);
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    throw wrongType(field, value, "an integer");
  }

  double requireDouble(String field) {
    return optionalDouble(field).orElseThrow(() -> missing(field));
  }

  OptionalDouble optionalDouble(String field) {
    Object value = map.get(field);
    if (value == null) {
      return OptionalDouble.empty();
    }
    if (value instanceof Number number) {
      return OptionalDouble.of(number.doubleValue());
    }
    throw wrongType(field, value, "a number");
  }

  /**
   * The number in {@code field}, or null when it is absent or null: {@link #optionalDouble}
   * without an object per field, for the hot path.
   */
  Number numberOrNull(String field) {
    Object value = map.get(field);
    if (value == null || value instanceof Number) {
      return (Number) value;
    }
    throw wrongType(field, value, "a number");
  }

  String requireString(String field) {
    return optionalString(field).orElseThrow(() -> missing(field));
  }

  Optional<String> optionalString(String field) {
    Object value = map.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String text) {
      return Optional.of(text);
    }
    throw wrongType(field, value, "a string");
  }

  /**
   * A list of JSON objects, such as a reading's {@code gpus}; empty when the field is absent.
   *
   * @throws ValidationException when the field is not a list of objects, naming the element
   */
  java.util.List<Map<String, ?>> optionalObjects(String field, int maxElements) {
    Object value = map.get(field);
    if (value == null) {
      return java.util.List.of();
    }
    if (!(value instanceof java.util.List<?> list)) {
      throw wrongType(field, value, "a list of objects");
    }
    if (list.size() > maxElements) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, field, "field '" + field
          + "' lists " + list.size() + " entries, more than the " + maxElements + " accepted");
    }
    java.util.List<Map<String, ?>> objects = new java.util.ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> object)) {
        throw wrongType(field + "[" + i + "]", list.get(i), "an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> typed = (Map<String, ?>) object;
      objects.add(typed);
    }
    return objects;
  }

  private Object require(String field) {
    Object value = map.get(field);
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  static ValidationException missing(String field) {
    return new ValidationException(RejectReason.MISSING_FIELD, field,
        "required field '" + field + "' is missing or null");
  }

  private static ValidationException wrongType(String field, Object value, String expected) {
    String shown = value instanceof String text ? "\"" + abbreviate(text) + "\"" : abbreviate(
        String.valueOf(value));
    return new ValidationException(RejectReason.WRONG_TYPE, field,
        "field '" + field + "' must be " + expected + ", was " + shown
            + (value instanceof String ? " (a number sent as a string?)" : ""));
  }

  private static String abbreviate(String text) {
    return WireText.shown(text, 40);
  }
}
