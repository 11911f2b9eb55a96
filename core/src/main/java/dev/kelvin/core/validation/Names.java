package dev.kelvin.core.validation;

import java.util.regex.Pattern;

/**
 * Rules for names that become MQTT topic levels and InfluxDB tags (sites, racks, nodes,
 * sensors): 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.
 */
public final class Names {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Names() {}

  /**
   * Returns {@code value} when it is a valid name.
   *
   * @throws ValidationException naming {@code field} when it is not
   */
  public static String require(String field, String value) {
    if (value == null) {
      throw new ValidationException(RejectReason.MISSING_FIELD, field, field + " is missing");
    }
    if (!VALID.matcher(value).matches()) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, field,
          field + " '" + abbreviate(value) + "' is not a valid name: use 1-64 letters, digits,"
              + " '.', '_' or '-' starting with a letter or digit (it becomes an MQTT topic level"
              + " and an InfluxDB tag, so '/', '+', '#' and spaces are not allowed)");
    }
    return value;
  }

  static String abbreviate(String value) {
    return WireText.shown(value, 80);
  }
}
