package dev.kelvin.core.port;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import java.util.List;

/** Turns a snapshot's recent readings into predictions. Implementations must be thread-safe. */
@FunctionalInterface
public interface Predictor {
  /** A predictor that predicts nothing: for deployments without a trained model. */
  Predictor NONE = snapshot -> List.of();

  List<Prediction> predict(ClusterSnapshot snapshot);
}
