package dev.kelvin.predictor.serve;

import dev.kelvin.core.model.ClusterSnapshot;
import dev.kelvin.core.prediction.FailureRisk;
import dev.kelvin.core.prediction.Prediction;
import dev.kelvin.predictor.failure.FailureModel;
import dev.kelvin.predictor.features.NodeFeatureBatch;
import dev.kelvin.predictor.features.NodeFeatureTracker;
import dev.kelvin.predictor.features.NodeTelemetryFeatures;
import dev.kelvin.predictor.model.ModelFile;
import dev.kelvin.predictor.model.ModelKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves failure models trained on node telemetry (feature set {@code node-failure}): every
 * tick, the features of every node of the snapshot ({@link NodeFeatureTracker}, the code the
 * training data was recorded with, keeping its per-node state from tick to tick), one batched
 * prediction for all nodes with features, the calibration the trainer stored, and a {@link
 * FailureRisk} per node with the model's horizon and version. A node that is stale, lacks the
 * CPU temperature or the memory error counter, or is not yet known long enough gets none.
 */
public final class FailureModelLoader implements ModelLoader {
  @Override
  public ModelKind kind() {
    return ModelKind.FAILURE;
  }

  /**
   * @throws dev.kelvin.predictor.model.ModelFileException when the file is not a failure model
   *     of feature set {@code node-failure}, or its settings are garbled
   */
  @Override
  public ServedModel load(ModelFile file) {
    file.requireKind(ModelKind.FAILURE).requireFeatures(NodeTelemetryFeatures.FEATURES);
    return new Served(FailureModel.of(file));
  }

  /** One failure model file with its own feature state. */
  private static final class Served implements ServedModel {
    private final FailureModel model;
    private final NodeFeatureTracker tracker = new NodeFeatureTracker();

    Served(FailureModel model) {
      this.model = model;
    }

    @Override
    public ModelFile file() {
      return model.file();
    }

    @Override
    public synchronized List<Prediction> predict(ClusterSnapshot snapshot) {
      NodeFeatureBatch batch = tracker.observe(snapshot);
      if (batch.nodes().isEmpty()) {
        return List.of();
      }
      double[] probabilities = model.probabilities(batch.values());
      List<Prediction> risks = new ArrayList<>(probabilities.length);
      String version = model.file().version();
      for (int i = 0; i < probabilities.length; i++) {
        if (probabilities[i] >= 0 && probabilities[i] <= 1) {
          risks.add(new FailureRisk(batch.nodes().get(i), probabilities[i], model.horizon(),
              version));
        }
      }
      return risks;
    }
  }
}
