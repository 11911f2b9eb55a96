package dev.kelvin.core.port;

import dev.kelvin.core.action.Action;
import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import java.util.List;

/**
 * Proposes actions from a snapshot and the predictions made on it. Proposals still pass the
 * {@link ActionGuard} before anything is carried out.
 */
@FunctionalInterface
public interface Policy {
  List<Action> decide(ClusterSnapshot snapshot, List<Prediction> predictions);
}
