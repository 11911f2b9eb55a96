package dev.kelvin.predictor.serve;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.model.NodeId;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.SnapshotFeatures;
import dev.kelvin.predictor.model.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A served model of the {@code node-failure} features: the {@link SnapshotFeatures} it is given
 * (a {@link dev.kelvin.predictor.features.NodeFeatureTracker}, the same path training's
 * recording took, shared with the other models of these features) turns each snapshot into one
 * batch, the model scores the batch at once, and each node's score becomes a prediction. Nodes the tracker
 * cannot describe (stale, a signal missing, too short a history) are not in the batch, so they
 * get no prediction. The failure and anomaly loaders differ only in the scorer and the
 * prediction. Thread-safe: one tick at a time.
 */
final class TrackedNodeModel implements ServedModel {
  /** Turns one node's score into its prediction, or null when the score is not one. */
  interface ToPrediction {
    Prediction of(NodeId node, double score, String version);
  }

  private final ModelFile file;
  private final Function<List<double[]>, double[]> scorer;
  private final ToPrediction toPrediction;
  private final SnapshotFeatures features;

  TrackedNodeModel(ModelFile file, Function<List<double[]>, double[]> scorer,
      ToPrediction toPrediction, SnapshotFeatures features) {
    this.features = Objects.requireNonNull(features, "features");
    this.file = Objects.requireNonNull(file, "file");
    this.scorer = Objects.requireNonNull(scorer, "scorer");
    this.toPrediction = Objects.requireNonNull(toPrediction, "toPrediction");
  }

  @Override
  public ModelFile file() {
    return file;
  }

  @Override
  public synchronized List<Prediction> predict(ClusterSnapshot snapshot) {
    NodeFeatureBatch batch = features.of(snapshot);
    if (batch.nodes().isEmpty()) {
      return List.of();
    }
    double[] scores = scorer.apply(batch.values());
    List<Prediction> predictions = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      Prediction prediction = toPrediction.of(batch.nodes().get(i), scores[i], file.version());
      if (prediction != null) {
        predictions.add(prediction);
      }
    }
    return predictions;
  }
}
