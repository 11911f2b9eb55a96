package dev.kelvin.core.validation;

/**
 * How text that came from the wire (topics, client ids, payload excerpts, names from payloads)
 * is shown in log lines, reject samples and audit reasons: a short prefix with control
 * characters escaped, and the original length when it was cut, so a 65 kB topic costs a log
 * line about 150 characters and a newline in a client id cannot forge a second log line.
 */
public final class WireText {
  /** The most characters of wire text shown by default, before escapes and the length note. */
  public static final int MAX_SHOWN_CHARS = 120;

  private WireText() {}

  /** At most {@value #MAX_SHOWN_CHARS} characters of {@code text}; see {@link #shown(String, int)}. */
  public static String shown(String text) {
    return shown(text, MAX_SHOWN_CHARS);
  }

  /**
   * The first {@code maxChars} characters of {@code text} (the string {@code null} for null),
   * each control character (ISO control, line and paragraph separators) as a {@code \}{@code
   * uXXXX} escape, followed by {@code "... (N chars)"} when the text was longer. The escapes
   * make the result at most six times {@code maxChars} plus the length note.
   */
  public static String shown(String text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be >= 1 character, was " + maxChars);
    }
    String value = String.valueOf(text);
    int end = Math.min(value.length(), maxChars);
    StringBuilder out = new StringBuilder(end + 24);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (value.length() > maxChars) {
      out.append("... (").append(value.length()).append(" chars)");
    }
    return out.toString();
  }
}
