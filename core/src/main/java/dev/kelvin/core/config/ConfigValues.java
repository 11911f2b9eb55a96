package dev.kelvin.core.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one decoded YAML value (String, Integer, Long, BigInteger, Double, BigDecimal, Boolean,
 * List or Map) as the type a key asks for, or says in an {@link InvalidValue} what is wrong and
 * how to write it; and writes values and defaults as an operator would write them.
 */
final class ConfigValues {
  private static final Pattern NUMERIC = Pattern.compile(
      "\\s*[-+]?[0-9][0-9_]*(\\.[0-9]*)?([eE][-+]?[0-9]+)?\\s*");
  private static final Set<String> BOOLEAN_WORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n");
  private static final String QUOTE_IT = "put it in quotes (YAML reads an unquoted number,"
      + " true/false or yes/no as a number or a boolean)";
  private static final String URI_FIX = "write it like tcp://host:1883 or https://host/path";
  private static final int SHOWN_MAX = 60;

  private ConfigValues() {}

  static String text(Object raw, String whenEmpty) {
    if (raw instanceof String text) {
      if (text.isBlank()) {
        throw new InvalidValue("must not be empty; " + whenEmpty);
      }
      return text;
    }
    if (raw instanceof Map || raw instanceof List) {
      throw new InvalidValue("must be text, not a " + (raw instanceof Map ? "section" : "list"));
    }
    throw new InvalidValue("must be text; " + QUOTE_IT);
  }

  /**
   * @param lowest the smallest value of the Java type asked for; a bound equal to it is not
   *     worth naming, unless the value lies beyond it
   */
  static long whole(Object raw, long min, long max, long lowest, long highest) {
    BigInteger value = wholeOrNull(raw);
    if (value != null && within(value, min, max)) {
      return value.longValueExact();
    }
    boolean beyondType = value != null && !within(value, lowest, highest);
    String expected = "must be a whole number" + range(Long.toString(min), Long.toString(max),
        min > lowest || beyondType, max < highest || beyondType);
    throw new InvalidValue(expected + (value == null ? unquoteHint(raw) : ""));
  }

  private static boolean within(BigInteger value, long min, long max) {
    return value.compareTo(BigInteger.valueOf(min)) >= 0
        && value.compareTo(BigInteger.valueOf(max)) <= 0;
  }

  /** The whole number {@code raw} is (8080, 8080.0), or null when it is none. */
  static BigInteger wholeOrNull(Object raw) {
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short
        || raw instanceof Byte) {
      return BigInteger.valueOf(((Number) raw).longValue());
    }
    if (raw instanceof BigInteger big) {
      return big;
    }
    boolean finite = raw instanceof BigDecimal
        || (raw instanceof Double || raw instanceof Float)
        && Double.isFinite(((Number) raw).doubleValue());
    if (!finite) {
      return null;
    }
    try {
      return new BigDecimal(raw.toString()).toBigIntegerExact();
    } catch (ArithmeticException notWhole) {
      return null;
    }
  }

  static double decimal(Object raw, double min, double max) {
    String expected = "must be a number" + range(decimalText(min), decimalText(max),
        min > -Double.MAX_VALUE, max < Double.MAX_VALUE);
    if (!(raw instanceof Number number)) {
      throw new InvalidValue(expected + unquoteHint(raw));
    }
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      throw new InvalidValue(expected + "; .nan and .inf are not numbers Kelvin can use");
    }
    if (value < min || value > max) {
      throw new InvalidValue(expected);
    }
    return value;
  }

  static boolean bool(Object raw) {
    if (raw instanceof Boolean value) {
      return value;
    }
    boolean word = raw instanceof String text
        && BOOLEAN_WORDS.contains(text.strip().toLowerCase(Locale.ROOT));
    throw new InvalidValue("must be true or false" + (word ? ", written without quotes" : ""));
  }

  static <E extends Enum<E>> E enumValue(Object raw, Class<E> type) {
    if (raw instanceof String text) {
      String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(wanted)) {
          return constant;
        }
      }
    }
    throw new InvalidValue("must be one of " + Arrays.stream(type.getEnumConstants())
        .map(ConfigValues::enumText).collect(Collectors.joining(", ")));
  }

  static String enumText(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static List<String> stringList(Object raw) {
    if (!(raw instanceof List<?> list)) {
      throw new InvalidValue("must be a list of text; write [a, b] or one \"- a\" line each");
    }
    List<String> texts = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      if (element == null) {
        throw InvalidValue.at(i, null, "an empty element; write text or remove the element");
      }
      try {
        texts.add(text(element, "remove the element"));
      } catch (InvalidValue e) {
        throw InvalidValue.at(i, element, e.getMessage());
      }
    }
    return List.copyOf(texts);
  }

  static List<Double> decimalList(Object raw, double min, double max) {
    if (!(raw instanceof List<?> list)) {
      throw new InvalidValue("must be a list of numbers; write [1, 2.5] or one \"- 1\" line"
          + " each");
    }
    List<Double> values = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object element = list.get(i);
      try {
        values.add(decimal(element, min, max));
      } catch (InvalidValue e) {
        throw InvalidValue.at(i, element, e.getMessage());
      }
    }
    return List.copyOf(values);
  }

  static String listText(List<String> values) {
    return "[" + String.join(", ", values) + "]";
  }

  static Path path(Object raw, Path baseFolder) {
    String text = text(raw, "remove the key to use the default");
    if (text.equals("~") || text.startsWith("~/")) {
      throw new InvalidValue("~ is not expanded; write the full path, /home/... or a path"
          + " relative to the configuration file's folder");
    }
    try {
      return baseFolder.resolve(text);
    } catch (InvalidPathException e) {
      throw new InvalidValue("not a path (" + e.getReason() + ")");
    }
  }

  static URI uri(Object raw) {
    String text = text(raw, "remove the key to use the default");
    try {
      URI uri = new URI(text);
      if (uri.getScheme() == null) {
        throw new InvalidValue("a URI needs a scheme; " + URI_FIX);
      }
      if (uri.isOpaque() && uri.getSchemeSpecificPart().matches("[0-9]+")) {
        throw new InvalidValue("looks like host:port without a scheme; " + URI_FIX);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new InvalidValue("not a URI (" + e.getReason() + " at character " + e.getIndex()
          + "); " + URI_FIX);
    }
  }

  /** {@code 0.05}, {@code 2400}: no exponent, no trailing zeros. */
  static String decimalText(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A decoded value as a message shows it, on one line and at most about 60 characters: text
   * in double quotes with escapes, sections and lists in YAML's flow style.
   */
  static String shown(Object raw) {
    String flow = flow(raw);
    return flow.length() <= SHOWN_MAX ? flow : flow.substring(0, SHOWN_MAX - 4) + "...";
  }

  private static String flow(Object raw) {
    if (raw instanceof String text) {
      return quote(text);
    }
    if (raw instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(entry -> entry.getKey() + ": " + flow(entry.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (raw instanceof List<?> list) {
      return list.stream().map(ConfigValues::flow).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(raw);
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> quoted.append(c < ' ' ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
      }
    }
    return quoted.append('"').toString();
  }

  private static String range(String min, String max, boolean hasMin, boolean hasMax) {
    if (hasMin && hasMax) {
      return " within " + min + ".." + max;
    }
    if (hasMin || hasMax) {
      return hasMin ? " >= " + min : " <= " + max;
    }
    return "";
  }

  private static String unquoteHint(Object raw) {
    return raw instanceof String text && NUMERIC.matcher(text).matches()
        ? "; write it without quotes" : "";
  }
}
