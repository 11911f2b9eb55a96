package dev.kelvin.core.prediction;

import dev.kelvin.core.model.NodeId;
import java.util.Objects;

/** How unusual {@code node}'s recent behaviour is: 0 is ordinary, 1 is most anomalous. */
public record Anomaly(NodeId node, double score, String modelVersion) implements Prediction {
  public Anomaly {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Checks.ratio("score", score);
  }
}
