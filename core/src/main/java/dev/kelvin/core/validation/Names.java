package dev.kelvin.core.validation;

/**
 * Rules for names that become MQTT topic levels and InfluxDB tags (sites, racks, nodes,
 * sensors): 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.
 */
public final class Names {
  private static final int MAX_LENGTH = 64;

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
    if (!valid(value)) {
      throw new ValidationException(RejectReason.OUT_OF_RANGE, field,
          field + " '" + abbreviate(value) + "' is not a valid name: use 1-64 letters, digits,"
              + " '.', '_' or '-' starting with a letter or digit (it becomes an MQTT topic level"
              + " and an InfluxDB tag, so '/', '+', '#' and spaces are not allowed)");
    }
    return value;
  }

  /**
   * Whether {@code value} is {@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}, checked character by
   * character: every reading names its node, so this runs on the ingest path.
   */
  static boolean valid(String value) {
    int length = value.length();
    if (length == 0 || length > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = value.charAt(i);
      if (!letterOrDigit(c) && c != '.' && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean letterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  static String abbreviate(String value) {
    return WireText.shown(value, 80);
  }
}
