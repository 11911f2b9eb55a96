package dev.kelvin.dashboard;

/** Parses and range-checks integer query parameters; absent means the default. */
final class QueryParams {
  private QueryParams() {}

  /**
   * {@code raw} as a whole number within {@code min..max}, or {@code fallback} when absent.
   *
   * @throws BadQueryException naming the parameter and the accepted range otherwise
   */
  static long within(String name, String raw, long min, long max, long fallback) {
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    String accepted = "a whole number within " + min + ".." + max;
    long value;
    try {
      value = Long.parseLong(raw.trim());
    } catch (NumberFormatException e) {
      throw new BadQueryException(name, abbreviate(raw), accepted);
    }
    if (value < min || value > max) {
      throw new BadQueryException(name, raw, accepted);
    }
    return value;
  }

  private static String abbreviate(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 37) + "...";
  }
}
