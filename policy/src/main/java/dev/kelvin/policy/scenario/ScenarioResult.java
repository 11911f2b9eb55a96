package dev.kelvin.policy.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one scenario went: the expected actions the rules did not propose, and the actions they
 * proposed that were not expected (each with its rule and reason), or the error that stopped
 * the rules.
 */
public record ScenarioResult(String file, String name, List<String> missing,
    List<String> unexpected, Optional<String> error) {
  public ScenarioResult {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    Objects.requireNonNull(error, "error");
  }

  public boolean passed() {
    return missing.isEmpty() && unexpected.isEmpty() && error.isEmpty();
  }

  /** What went wrong, one line per problem; empty when it passed. */
  public List<String> problems() {
    List<String> lines = new java.util.ArrayList<>();
    error.ifPresent(text -> lines.add("error: " + text));
    missing.forEach(action -> lines.add("missing: " + action));
    unexpected.forEach(action -> lines.add("unexpected: " + action));
    return lines;
  }
}
