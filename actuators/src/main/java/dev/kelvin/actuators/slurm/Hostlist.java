package dev.kelvin.actuators.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * Slurm's compressed host lists, such as {@code n[1-3,5]}, {@code gpu[01-04]} or
 * {@code n1,rack[1-2]-n[1-2]}, expanded into names in Slurm's order; zero padding is kept
 * ({@code [08-10]} gives {@code 08 09 10}).
 */
final class Hostlist {
  /** No job runs on more nodes than this; a longer list is a mistake, not a job. */
  static final int MAX_NAMES = 1_000_000;

  private Hostlist() {}

  /**
   * The names {@code list} stands for; empty for an empty list.
   *
   * @throws IllegalArgumentException naming the part that is not a host list
   */
  static List<String> expand(String list) {
    List<String> names = new ArrayList<>();
    for (String part : topLevel(list)) {
      expandInto(part, names);
    }
    return names;
  }

  /** Splits at the commas outside brackets. */
  private static List<String> topLevel(String list) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (depth < 0 || depth > 1) {
        throw new IllegalArgumentException("unbalanced brackets in host list '" + list + "'");
      }
      if (c == ',' && depth == 0) {
        parts.add(list.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced brackets in host list '" + list + "'");
    }
    parts.add(list.substring(start));
    return parts.stream().map(String::strip).filter(part -> !part.isEmpty()).toList();
  }

  /** Expands the first bracket of {@code pattern}, then the rest of it for each value. */
  private static void expandInto(String pattern, List<String> names) {
    int open = pattern.indexOf('[');
    if (open < 0) {
      add(names, pattern);
      return;
    }
    int close = pattern.indexOf(']', open);
    String head = pattern.substring(0, open);
    String tail = pattern.substring(close + 1);
    for (String range : pattern.substring(open + 1, close).split(",", -1)) {
      for (String value : range(range.strip(), pattern)) {
        expandInto(head + value + tail, names);
      }
    }
  }

  private static List<String> range(String range, String pattern) {
    int dash = range.indexOf('-');
    String low = dash < 0 ? range : range.substring(0, dash);
    String high = dash < 0 ? range : range.substring(dash + 1);
    if (!digits(low) || !digits(high)) {
      throw new IllegalArgumentException("'" + range + "' in host list '" + pattern
          + "' is not a number or a range of numbers such as 1-4");
    }
    long from = Long.parseLong(low);
    long to = Long.parseLong(high);
    if (to < from || to - from >= MAX_NAMES) {
      throw new IllegalArgumentException("range '" + range + "' in host list '" + pattern
          + "' runs backwards or is longer than " + MAX_NAMES);
    }
    List<String> values = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      String value = Long.toString(i);
      values.add("0".repeat(Math.max(0, low.length() - value.length())) + value);
    }
    return values;
  }

  private static boolean digits(String text) {
    return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(Character::isDigit);
  }

  private static void add(List<String> names, String name) {
    if (names.size() >= MAX_NAMES) {
      throw new IllegalArgumentException("host list names more than " + MAX_NAMES + " hosts");
    }
    names.add(name);
  }
}
