package dev.kelvin.simulator.trace;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header comments of a Standard Workload Format trace ({@code ; Label: value} lines before
 * the first job), by label. A numeric label's value may carry a remark after its number
 * ({@code MaxNodes: 338 (batch partition; 512 total)}); the number is what counts.
 */
public record SwfHeader(Map<String, String> fields) {
  private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?\\d+)");

  public SwfHeader {
    fields = Map.copyOf(fields);
  }

  /** The value of a label, matched without regard to case. */
  public Optional<String> value(String label) {
    return fields.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(label))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The leading whole number of a label's value, when there is one. */
  public OptionalLong number(String label) {
    Optional<String> text = value(label);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    Matcher matcher = LEADING_NUMBER.matcher(text.get());
    return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1)))
        : OptionalLong.empty();
  }

  public OptionalLong maxNodes() {
    return number("MaxNodes");
  }

  public OptionalLong maxProcs() {
    return number("MaxProcs");
  }

  /** The wall-clock time of the trace's second 0, in seconds since the Unix epoch. */
  public OptionalLong unixStartTime() {
    return number("UnixStartTime");
  }

  public OptionalLong maxRecords() {
    return number("MaxRecords");
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "SwfHeader%s", fields);
  }
}
