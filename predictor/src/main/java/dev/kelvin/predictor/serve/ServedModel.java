package dev.kelvin.predictor.serve;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.model.ModelFile;
import java.util.List;

/**
 * One loaded model file, ready to predict on every tick. Implementations compute their
 * features from the snapshot with the same code training used, predict for all nodes (or
 * sites) in one batch, and leave out a node whose features are unknown (stale or missing
 * signals) rather than give it a confident score. Thread-safe.
 */
public interface ServedModel {
  /** The file this model was read from, with its version and provenance. */
  ModelFile file();

  /** The predictions for {@code snapshot}, each carrying {@code file().version()}. */
  List<Prediction> predict(ClusterSnapshot snapshot);
}
