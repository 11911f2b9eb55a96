package dev.kelvin.core.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration file Kelvin refuses. One problem makes a one-line message,
 * {@code kelvin.yaml: mqtt.keep_alive = "30x": not a duration; write a number and a unit:
 * 500ms, 30s, 2m, 1h, 1d}: the file, the key, the value as written, what is wrong and how to
 * write it. Several problems found at once (unknown keys) make a summary line followed by one
 * indented line per problem.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<ConfigProblem> problems;

  /** One problem with one key; {@code value} as {@link ConfigProblem#value()} describes it. */
  public ConfigException(String source, String key, String value, String reason) {
    this(source, "", List.of(new ConfigProblem(key, value, reason)));
  }

  /**
   * Several problems at once. With exactly one problem the summary is left out and the
   * message is that problem's single line.
   *
   * @param summary the first line after the file's name, {@code 2 unknown keys}
   */
  public ConfigException(String source, String summary, List<ConfigProblem> problems) {
    super(message(source, summary, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  private static String message(String source, String summary, List<ConfigProblem> problems) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(summary, "summary");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    if (problems.size() == 1) {
      return source + ": " + problems.get(0).line();
    }
    StringBuilder text = new StringBuilder(source).append(": ").append(summary);
    problems.forEach(problem -> text.append(System.lineSeparator()).append("  ")
        .append(problem.line()));
    return text.toString();
  }

  /** The file (or other source) the configuration came from, {@code kelvin.yaml}. */
  public String source() {
    return source;
  }

  /** The dotted path of the (first) key at fault, {@code mqtt.keep_alive}. */
  public String key() {
    return problems.get(0).key();
  }

  /**
   * The (first) offending value as the message shows it ({@code "30x"}, {@code 70000},
   * {@code "***"}), or {@code null} when no single value is at fault.
   */
  public String value() {
    return problems.get(0).value();
  }

  /** Every problem, in document order; one element unless several were found at once. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
