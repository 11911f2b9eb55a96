package dev.kelvin.policy.scenario;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.policy.RuleParameters;
import java.util.List;
import java.util.Objects;

/**
 * One rule scenario: given a snapshot, predictions and settings, the rules propose exactly
 * {@code expected}, in any order.
 *
 * @param file the file it came from, as messages name it
 */
public record Scenario(String file, String name, RuleParameters parameters,
    ClusterSnapshot snapshot, List<Prediction> predictions, List<ExpectedAction> expected) {
  public Scenario {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(snapshot, "snapshot");
    predictions = List.copyOf(predictions);
    expected = List.copyOf(expected);
  }
}
