package dev.kelvin.predictor.failure.logs;

import java.util.List;
import java.util.Objects;

/**
 * One system of a failure log: its nodes, each with its own failures. Failures of different
 * systems never mix in one example's features.
 *
 * @param system its name, like {@code lanl-18}
 * @param nodes its nodes, each named once
 */
public record SystemLog(String system, List<NodeLog> nodes) {
  public SystemLog {
    Objects.requireNonNull(system, "system");
    nodes = List.copyOf(nodes);
  }
}
