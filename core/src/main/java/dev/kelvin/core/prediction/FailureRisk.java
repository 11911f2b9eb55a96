package dev.kelvin.core.prediction;

import dev.kelvin.core.model.NodeId;
import java.time.Duration;
import java.util.Objects;

/** The probability that {@code node} fails within {@code horizon}. */
public record FailureRisk(NodeId node, double probability, Duration horizon, String modelVersion)
    implements Prediction {
  public FailureRisk {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Checks.positive("horizon", horizon);
    Checks.ratio("probability", probability);
  }
}
