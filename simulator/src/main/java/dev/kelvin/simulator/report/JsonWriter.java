package dev.kelvin.simulator.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A small JSON writer whose output depends on nothing but the calls made: keys in call order,
 * two-space indentation, {@code \n} line ends, strings escaped per RFC 8259, and every double
 * rounded to {@value #SIGNIFICANT_DIGITS} significant digits the same way on every machine. A
 * double that is NaN or infinite is written as {@code null}: a figure that is not defined.
 *
 * <p>Used as {@code object().field("a", 1).name("b").array().value("x").end().end()}; the
 * caller keeps the nesting right, as it would with any streaming writer.
 */
final class JsonWriter {
  static final int SIGNIFICANT_DIGITS = 6;
  private static final MathContext ROUNDING =
      new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

  private final StringBuilder out = new StringBuilder();
  /** Per open level (bit = level): whether it has had an entry yet; at most 63 levels. */
  private long hasEntry;
  /** Per open level (bit = level): whether it is an array rather than an object. */
  private long isArray;
  private int depth;
  private boolean afterName;

  JsonWriter object() {
    return open('{');
  }

  JsonWriter array() {
    return open('[');
  }

  /** Closes the innermost object or array. */
  JsonWriter end() {
    if (depth == 0) {
      throw new IllegalStateException("end() with nothing open");
    }
    long bit = 1L << depth;
    boolean any = (hasEntry & bit) != 0;
    boolean array = (isArray & bit) != 0;
    hasEntry &= ~bit;
    isArray &= ~bit;
    depth--;
    if (any) {
      newline();
    }
    out.append(array ? ']' : '}');
    if (depth == 0) {
      out.append('\n');
    }
    return this;
  }

  JsonWriter name(String name) {
    beginEntry();
    string(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String text) {
    beginEntry();
    if (text == null) {
      out.append("null");
    } else {
      string(text);
    }
    return this;
  }

  JsonWriter value(long number) {
    beginEntry();
    out.append(number);
    return this;
  }

  JsonWriter value(double number) {
    beginEntry();
    out.append(number(number));
    return this;
  }

  JsonWriter nullValue() {
    beginEntry();
    out.append("null");
    return this;
  }

  JsonWriter field(String name, String text) {
    return name(name).value(text);
  }

  JsonWriter field(String name, long number) {
    return name(name).value(number);
  }

  JsonWriter field(String name, double number) {
    return name(name).value(number);
  }

  @Override
  public String toString() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " object(s) or array(s) still open");
    }
    return out.toString();
  }

  /**
   * A double as JSON: rounded half-even to six significant digits from its exact binary value,
   * trailing zeros dropped, plain notation from 1e-6 to below 1e21 and exponent notation
   * outside; NaN and infinities as {@code null}; negative zero as {@code 0}.
   */
  static String number(double number) {
    if (!Double.isFinite(number)) {
      return "null";
    }
    if (number == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(number).round(ROUNDING).stripTrailingZeros();
    double magnitude = Math.abs(rounded.doubleValue());
    if (magnitude >= 1e-6 && magnitude < 1e21) {
      return rounded.toPlainString();
    }
    return rounded.toString();
  }

  private JsonWriter open(char bracket) {
    beginEntry();
    if (depth == 63) {
      throw new IllegalStateException("JSON nested deeper than 63 levels");
    }
    out.append(bracket);
    depth++;
    if (bracket == '[') {
      isArray |= 1L << depth;
    }
    return this;
  }

  private void beginEntry() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth == 0) {
      if (out.length() > 0) {
        throw new IllegalStateException("a JSON text holds one value; it was already written");
      }
      return;
    }
    if ((hasEntry & (1L << depth)) != 0) {
      out.append(',');
    }
    hasEntry |= 1L << depth;
    newline();
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether the surrogate at {@code i} is half of a well-formed pair (a lone one is escaped). */
  private static boolean pairedSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
  }
}
